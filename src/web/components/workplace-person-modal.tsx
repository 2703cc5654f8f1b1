import { Alert, Checkbox, Fieldset, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Person } from '../../contract/people.js';
import {
  EMPLOYMENT_TYPE_LABELS,
  EMPLOYMENT_TYPES,
  type EmploymentType,
  GENDER_LABELS,
  GENDERS,
  type Gender,
} from '../../domain/employment.js';
import { ApiError, api, formatDate } from '../api.js';
import { DateTextInput } from './date-text-input.js';
import { fieldErrors, formMessage, isStaleVersion } from './form-field-errors.js';
import { useRebasedForm } from './form-rebase.js';
import { FormActions } from './layout.js';

export interface CellOption {
  id: string;
  name: string;
}

interface PersonFormValues {
  fullName: string;
  code: string;
  birthDate: string;
  gender: Gender | null;
  jobTitle: string;
  employmentType: EmploymentType;
  governmentOffice: string;
  isPartyMember: boolean;
  organizationId: string | null;
  partyOffice: string;
  isCommitteeMember: boolean;
  assignedDuty: string;
  startedOn: string;
  distinctConfirmed: boolean;
}

const FIELDS: (keyof PersonFormValues)[] = [
  'fullName',
  'code',
  'birthDate',
  'gender',
  'jobTitle',
  'employmentType',
  'governmentOffice',
  'isPartyMember',
  'organizationId',
  'partyOffice',
  'isCommitteeMember',
  'assignedDuty',
  'startedOn',
  'distinctConfirmed',
];

function initialValues(person: Person | null, defaultCellId: string | null): PersonFormValues {
  if (!person) {
    return {
      fullName: '',
      code: '',
      birthDate: '',
      gender: null,
      jobTitle: '',
      employmentType: 'permanent',
      governmentOffice: '',
      isPartyMember: false,
      organizationId: defaultCellId,
      partyOffice: '',
      isCommitteeMember: false,
      assignedDuty: '',
      startedOn: '',
      distinctConfirmed: false,
    };
  }
  return {
    fullName: person.fullName,
    code: person.code,
    birthDate: formatDate(person.birthDate),
    gender: person.gender,
    jobTitle: person.jobTitle,
    employmentType: person.employmentType,
    governmentOffice: person.governmentOffice,
    isPartyMember: person.isPartyMember,
    organizationId: person.organizationId ?? defaultCellId,
    partyOffice: person.partyOffice,
    isCommitteeMember: person.isCommitteeMember,
    assignedDuty: person.assignedDuty,
    startedOn: formatDate(person.startedOn),
    distinctConfirmed: person.distinctConfirmed,
  };
}

interface Namesake {
  code: string;
  fullName: string;
  birthDate: string | null;
}

/** The people the server found with the same name and birth date (a 409 on a possible duplicate). */
function namesakesOf(error: unknown): Namesake[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { namesakes?: Namesake[] } | undefined;
  return details?.namesakes ?? [];
}

/** `25/11/1980` → `1980-11-25`; empty → null; anything else → undefined (not a date). */
function isoFromDisplayed(value: string): string | null | undefined {
  const text = value.trim();
  if (!text) return null;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [, day, month, year] = match;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** The request body: a non-member carries no cell, party office or committee seat (DESIGN glossary). */
function bodyFrom(values: PersonFormValues, dates: { birthDate: string | null; startedOn: string | null }) {
  const member = values.isPartyMember;
  const { birthDate, startedOn } = dates;
  return {
    startedOn,
    distinctConfirmed: values.distinctConfirmed,
    fullName: values.fullName,
    ...(values.code.trim() ? { code: values.code } : {}),
    birthDate,
    gender: values.gender,
    jobTitle: values.jobTitle,
    employmentType: values.employmentType,
    governmentOffice: values.governmentOffice,
    isPartyMember: member,
    organizationId: member ? values.organizationId : null,
    partyOffice: member ? values.partyOffice : '',
    isCommitteeMember: member ? values.isCommitteeMember : false,
    assignedDuty: values.assignedDuty,
  };
}

export function WorkplacePersonModal({
  workplaceId,
  person,
  cells,
  onClose,
}: {
  workplaceId: string;
  /** The person edited, or null to add one. */
  person: Person | null;
  /** Organizations a member of this workplace may belong to; the first is the default. */
  cells: CellOption[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [values, set] = useRebasedForm(initialValues(person, cells[0]?.id ?? null), person?.version ?? 0);
  const [birthDateError, setBirthDateError] = useState<string | null>(null);
  const [startedOnError, setStartedOnError] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['people'] });
    await queryClient.invalidateQueries({ queryKey: ['workplace', workplaceId] });
    await queryClient.invalidateQueries({ queryKey: ['workplaces'] });
    await queryClient.invalidateQueries({ queryKey: ['organization'] });
  };
  const mutation = useMutation({
    mutationFn: (dates: { birthDate: string | null; startedOn: string | null }) =>
      person
        ? api.patch<Person>(`/people/${person.id}`, {
            version: person.version,
            ...bodyFrom(values, dates),
          })
        : api.post<Person>('/people', { workplaceId, ...bodyFrom(values, dates) }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: async (error) => {
      if (isStaleVersion(error)) await refresh();
    },
  });
  const errors = fieldErrors(mutation.error);
  const namesakes = namesakesOf(mutation.error);
  const message = namesakes.length > 0 ? null : formMessage(mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const birthDate = isoFromDisplayed(values.birthDate);
    const startedOn = isoFromDisplayed(values.startedOn);
    setBirthDateError(
      birthDate === undefined ? 'Ngày sinh phải có dạng dd/mm/yyyy, ví dụ 05/09/1985.' : null,
    );
    setStartedOnError(
      startedOn === undefined ? 'Ngày vào làm phải có dạng dd/mm/yyyy, ví dụ 01/09/2010.' : null,
    );
    if (birthDate === undefined || startedOn === undefined) return;
    mutation.mutate({ birthDate, startedOn });
  };
  const cellOptions = cells.map((cell) => ({ value: cell.id, label: cell.name }));
  if (person?.organizationId && !cells.some((cell) => cell.id === person.organizationId)) {
    cellOptions.push({ value: person.organizationId, label: person.organizationName ?? 'Chi bộ khác' });
  }
  return (
    <Modal opened onClose={onClose} title={person ? `Sửa: ${person.fullName}` : 'Thêm người'} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          {message && (
            <Alert color={isStaleVersion(mutation.error) ? 'yellow' : 'red'} role="alert">
              {message}
            </Alert>
          )}
          {namesakes.length > 0 && (
            <Alert color="yellow" role="alert" title="Có thể trùng người">
              <Stack gap="xs">
                <Text size="sm">
                  Trong cơ quan đã có{' '}
                  {namesakes
                    .map(
                      (namesake) =>
                        `${namesake.fullName}${namesake.birthDate ? `, sinh ngày ${formatDate(namesake.birthDate)}` : ''} (mã ${namesake.code})`,
                    )
                    .join('; ')}
                  . Nếu là cùng một người, hãy hủy và sửa người đã có.
                </Text>
                <Checkbox
                  label="Đúng là một người khác (trùng họ tên và ngày sinh)"
                  checked={values.distinctConfirmed}
                  onChange={(event) => set('distinctConfirmed', event.currentTarget.checked)}
                />
              </Stack>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Họ và tên"
              required
              value={values.fullName}
              onChange={(event) => set('fullName', event.currentTarget.value)}
              error={errors.fullName}
              data-autofocus
            />
            <TextInput
              label="Mã nhân sự"
              description="Để trống thì hệ thống tự cấp"
              value={values.code}
              onChange={(event) => set('code', event.currentTarget.value)}
              error={errors.code}
            />
            <DateTextInput
              label="Ngày sinh"
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              value={values.birthDate}
              onChange={(event) => set('birthDate', event.currentTarget.value)}
              error={birthDateError ?? errors.birthDate}
            />
            <Select
              label="Giới tính"
              data={GENDERS.map((gender) => ({ value: gender, label: GENDER_LABELS[gender] }))}
              value={values.gender}
              onChange={(value) => set('gender', value as Gender | null)}
              clearable
              error={errors.gender}
            />
            <TextInput
              label="Chức danh, nghề nghiệp"
              value={values.jobTitle}
              onChange={(event) => set('jobTitle', event.currentTarget.value)}
              error={errors.jobTitle}
            />
            <Select
              label="Loại lao động"
              data={EMPLOYMENT_TYPES.map((type) => ({ value: type, label: EMPLOYMENT_TYPE_LABELS[type] }))}
              value={values.employmentType}
              onChange={(value) => value && set('employmentType', value as EmploymentType)}
              allowDeselect={false}
              error={errors.employmentType}
            />
            <DateTextInput
              label="Ngày vào làm"
              description="Ngày bắt đầu làm việc tại cơ quan; có thể để trống"
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              value={values.startedOn}
              onChange={(event) => set('startedOn', event.currentTarget.value)}
              error={startedOnError ?? errors.startedOn}
            />
            <TextInput
              label="Chức vụ chính quyền"
              value={values.governmentOffice}
              onChange={(event) => set('governmentOffice', event.currentTarget.value)}
              error={errors.governmentOffice}
            />
          </SimpleGrid>
          <Checkbox
            label="Đảng viên"
            checked={values.isPartyMember}
            onChange={(event) => set('isPartyMember', event.currentTarget.checked)}
            error={errors.isPartyMember}
          />
          {values.isPartyMember && (
            <Fieldset legend="Thông tin đảng viên">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label="Sinh hoạt tại chi bộ"
                  data={cellOptions}
                  value={values.organizationId}
                  onChange={(value) => set('organizationId', value)}
                  error={errors.organizationId}
                />
                <TextInput
                  label="Chức vụ Đảng"
                  value={values.partyOffice}
                  onChange={(event) => set('partyOffice', event.currentTarget.value)}
                  error={errors.partyOffice}
                />
                <TextInput
                  label="Nhiệm vụ được phân công"
                  value={values.assignedDuty}
                  onChange={(event) => set('assignedDuty', event.currentTarget.value)}
                  error={errors.assignedDuty}
                />
                <Checkbox
                  mt={{ sm: 'xl' }}
                  label="Cấp ủy viên"
                  checked={values.isCommitteeMember}
                  onChange={(event) => set('isCommitteeMember', event.currentTarget.checked)}
                  error={errors.isCommitteeMember}
                />
              </SimpleGrid>
            </Fieldset>
          )}
          <FormActions onCancel={onClose} busy={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
