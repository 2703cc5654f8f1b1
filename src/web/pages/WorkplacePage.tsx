import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Person } from '../../contract/people.js';
import type { Workplace } from '../../contract/workplaces.js';
import { api, formatDate, queryString } from '../api.js';
import { Section } from '../components/layout.js';
import { useOrganizationQuery } from '../components/organization-query.js';
import { RosterSection } from '../components/roster-import.js';
import { ErrorNotice, errorMessage, Loading } from '../components/states.js';
import { EligibilityPanel } from '../components/workplace-eligibility.js';
import { WorkplaceFormModal } from '../components/workplace-form-modal.js';
import {
  type EmploymentAction,
  refreshRoster,
  WorkplaceLeavingModal,
} from '../components/workplace-leaving-modal.js';
import { useWorkplacePeopleQuery } from '../components/workplace-people-query.js';
import {
  LeftPeopleTable,
  MassesTable,
  MembersTable,
  type PersonActions,
} from '../components/workplace-people-tables.js';
import { WorkplacePersonModal } from '../components/workplace-person-modal.js';
import { PATHS } from '../paths.js';

type OpenModal =
  | { kind: 'person'; personId: string | null }
  | { kind: 'employment'; person: Person; action: EmploymentAction }
  | { kind: 'workplace' }
  | null;

export default function WorkplacePage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [openModal, setOpenModal] = useState<OpenModal>(null);
  const workplaceQuery = useQuery({
    queryKey: ['workplace', id],
    queryFn: () => api.get<Workplace>(`/workplaces/${id}`),
  });
  // The organization's permissions say whether this reader may see and keep the roster.
  const organizationQuery = useOrganizationQuery(workplaceQuery.data?.organizationId);
  const permissions = organizationQuery.data?.permissions;
  const peopleQuery = useWorkplacePeopleQuery(id, Boolean(permissions?.readPeople));

  if (workplaceQuery.isPending) return <Loading />;
  if (workplaceQuery.isError) return <ErrorNotice error={workplaceQuery.error} />;
  const workplace = workplaceQuery.data;
  const organization = organizationQuery.data;
  const canKeep = Boolean(permissions?.editWorkplaces) && !workplace.closed;
  const cells = organization
    ? [organization, ...organization.children.filter((child) => !child.closed)].map(({ id, name }) => ({
        id,
        name,
      }))
    : [{ id: workplace.organizationId, name: workplace.organizationName }];

  const confirmDelete = (person: Person) =>
    modals.openConfirmModal({
      title: 'Xóa người khỏi danh sách',
      children: (
        <Text size="sm">
          Xóa "{person.fullName}" khỏi {workplace.name}? Chỉ dùng khi nhập nhầm (người chưa từng làm việc ở
          đây). Người đã làm việc mà nay nghỉ thì dùng "Nghỉ việc" để giữ lịch sử.
        </Text>
      ),
      labels: { confirm: 'Xóa', cancel: 'Hủy' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.delete(`/people/${person.id}${queryString({ version: person.version })}`);
          notifications.show({ color: 'green', message: `Đã xóa ${person.fullName}.` });
        } catch (error) {
          notifications.show({ color: 'red', title: 'Không xóa được', message: errorMessage(error) });
        }
        await queryClient.invalidateQueries({ queryKey: ['people'] });
        await queryClient.invalidateQueries({ queryKey: ['workplace', id] });
        await queryClient.invalidateQueries({ queryKey: ['workplaces'] });
      },
    });

  const confirmCancelLeaving = (person: Person) =>
    modals.openConfirmModal({
      title: 'Hủy ghi nhận nghỉ việc',
      children: (
        <Text size="sm">
          "{person.fullName}" được ghi nghỉ việc từ {formatDate(person.leftOn)} ({person.leavingReason}). Hủy
          ghi nhận này vì đã ghi nhầm? Nhật ký thay đổi vẫn giữ lại.
        </Text>
      ),
      labels: { confirm: 'Hủy ghi nhận nghỉ việc', cancel: 'Đóng' },
      onConfirm: async () => {
        try {
          await api.delete(`/people/${person.id}/leaving${queryString({ version: person.version })}`);
          notifications.show({ color: 'green', message: `${person.fullName} đang làm việc trở lại.` });
        } catch (error) {
          notifications.show({ color: 'red', title: 'Không hủy được', message: errorMessage(error) });
        }
        await refreshRoster(queryClient, id);
      },
    });

  const actions: PersonActions | undefined = canKeep
    ? {
        onEdit: (person) => setOpenModal({ kind: 'person', personId: person.id }),
        onDelete: confirmDelete,
        onLeave: (person) => setOpenModal({ kind: 'employment', person, action: 'leave' }),
        onReturn: (person) => setOpenModal({ kind: 'employment', person, action: 'return' }),
        onCancelLeaving: confirmCancelLeaving,
      }
    : undefined;
  // The edited person is read from the latest list, so a reload after a 409 brings the new version.
  const editedPerson =
    openModal?.kind === 'person' && openModal.personId
      ? peopleQuery.data?.find((person) => person.id === openModal.personId)
      : null;
  // Still on the roster: working today, or starting on a day ahead. Those who left are kept apart.
  const current = peopleQuery.data?.filter((person) => person.employedNow || person.leftOn === null) ?? [];
  const left = peopleQuery.data?.filter((person) => !person.employedNow && person.leftOn !== null) ?? [];
  const members = current.filter((person) => person.isPartyMember);
  const masses = current.filter((person) => !person.isPartyMember);

  return (
    <Stack>
      <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={PATHS.tree}>
          Cây tổ chức
        </Anchor>
        {organization?.ancestors.map((ancestor) => (
          <Anchor key={ancestor.id} component={Link} to={PATHS.organization(ancestor.id)}>
            {ancestor.name}
          </Anchor>
        ))}
        <Anchor component={Link} to={PATHS.organization(workplace.organizationId)}>
          {workplace.organizationName}
        </Anchor>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={2}>
          {workplace.name}
          {workplace.closed && (
            <Text span c="dimmed" fz="lg">
              {' '}
              (đã đóng)
            </Text>
          )}
        </Title>
        {workplace.address && <Text size="sm">Địa chỉ: {workplace.address}</Text>}
        <Text size="sm">
          Thuộc:{' '}
          <Anchor component={Link} to={PATHS.organization(workplace.organizationId)}>
            {workplace.organizationName}
          </Anchor>
        </Text>
        {canKeep && (
          <Group>
            <Button size="xs" variant="light" onClick={() => setOpenModal({ kind: 'workplace' })}>
              Sửa tên, địa chỉ
            </Button>
          </Group>
        )}
      </Stack>
      <EligibilityPanel eligibility={workplace.eligibility} />
      {permissions?.readPeople && (
        <>
          <Section
            title="Danh sách nhân sự"
            actions={
              canKeep && (
                <Button size="xs" onClick={() => setOpenModal({ kind: 'person', personId: null })}>
                  Thêm người
                </Button>
              )
            }
          >
            <RosterSection workplaceId={workplace.id} canImport={canKeep} />
          </Section>
          <Section title={`Đảng viên (${members.length})`}>
            {peopleQuery.isPending ? (
              <Loading />
            ) : peopleQuery.isError ? (
              <ErrorNotice error={peopleQuery.error} />
            ) : (
              <MembersTable people={members} actions={actions} />
            )}
          </Section>
          <Section title={`Quần chúng (${masses.length})`}>
            {peopleQuery.isPending ? (
              <Loading />
            ) : peopleQuery.isError ? (
              <ErrorNotice error={peopleQuery.error} />
            ) : (
              <MassesTable people={masses} actions={actions} />
            )}
          </Section>
          {left.length > 0 && (
            <Section title={`Đã nghỉ việc (${left.length})`}>
              <LeftPeopleTable people={left} actions={actions} />
            </Section>
          )}
        </>
      )}
      {openModal?.kind === 'employment' && (
        <WorkplaceLeavingModal
          person={openModal.person}
          action={openModal.action}
          onClose={() => setOpenModal(null)}
        />
      )}
      {openModal?.kind === 'person' && editedPerson !== undefined && (
        <WorkplacePersonModal
          workplaceId={workplace.id}
          person={editedPerson}
          cells={cells}
          onClose={() => setOpenModal(null)}
        />
      )}
      {openModal?.kind === 'workplace' && (
        <WorkplaceFormModal target={{ mode: 'edit', workplace }} onClose={() => setOpenModal(null)} />
      )}
    </Stack>
  );
}
