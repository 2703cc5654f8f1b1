/** A tab of the meeting page; `meetingId` is the meeting shown. */
export function PhoneFormsPanel({ meetingId }: { meetingId: string }) {
  return <div data-meeting={meetingId} />;
}
