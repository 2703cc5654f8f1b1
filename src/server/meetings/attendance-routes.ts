import { idParams } from '../../contract/common.js';
import {
  absenceNotices,
  attendanceParams,
  meetingAttendance,
  saveAttendanceBody,
  toldBody,
} from '../../contract/meetings.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { absenceNoticesOf, confirmTold } from './absence.js';
import { getAttendance, saveAttendance } from './attendance.js';

const tags = ['Buổi họp'];

/** Attendance at a meeting and the absent members' notices (DESIGN step 3). */
export async function attendanceRoutes(app: App): Promise<void> {
  app.get(
    '/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Điểm danh: đảng viên tự phê bình có mặt / vắng mặt, số quần chúng dự họp',
        params: idParams,
        response: { 200: meetingAttendance },
      },
    },
    async (request) => getAttendance(app.db, requireActor(request.actor), request.params.id),
  );

  app.put(
    '/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Cấp ủy hoặc thư ký ghi điểm danh',
        params: idParams,
        body: saveAttendanceBody,
        response: { 200: meetingAttendance },
      },
    },
    async (request) => saveAttendance(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.post(
    '/meetings/:id/attendance/:selfCriticismId/told',
    {
      schema: {
        tags,
        summary: 'Cấp ủy xác nhận đã thông tin ý kiến góp ý cho đảng viên vắng mặt',
        params: attendanceParams,
        body: toldBody,
        response: { 200: meetingAttendance },
      },
    },
    async (request) =>
      confirmTold(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.params.selfCriticismId,
        request.body.note,
      ),
  );

  app.get(
    '/me/absence-notices',
    {
      schema: {
        tags,
        summary: 'Ý kiến góp ý về đảng viên đang đăng nhập ở các buổi họp mà họ vắng mặt',
        response: { 200: absenceNotices },
      },
    },
    async (request) => absenceNoticesOf(app.db, requireActor(request.actor)),
  );
}
