import { Alert, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Organization } from '../../contract/organizations.js';
import { api, queryString } from '../api.js';
import { fieldErrors, formMessage, isStaleVersion } from './form-field-errors.js';
import { FormActions } from './layout.js';
import { organizationKindLabel } from './organization-tree.js';
import { Loading } from './states.js';

interface MoveTarget {
  id: string;
  label: string;
}

/**
 * Every open organization in the reader's scope except the moved one and what lies under it
 * (an organization cannot move beneath itself), read level by level from the tree endpoint.
 */
async function loadMoveTargets(moved: Organization): Promise<MoveTarget[]> {
  const targets: MoveTarget[] = [];
  let level: Organization[] = (await api.get<{ items: Organization[] }>('/organizations')).items;
  let depth = 0;
  while (level.length > 0) {
    const kept = level.filter((organization) => organization.id !== moved.id);
    for (const organization of kept) {
      targets.push({
        id: organization.id,
        label: `${'— '.repeat(depth)}${organization.name} (${organizationKindLabel(organization.kind)})`,
      });
    }
    const parents = kept.filter((organization) => organization.childCount > 0);
    const children = await Promise.all(
      parents.map((organization) =>
        api.get<{ items: Organization[] }>(`/organizations${queryString({ parentId: organization.id })}`),
      ),
    );
    level = children.flatMap((answer) => answer.items);
    depth += 1;
  }
  return targets;
}

export function OrganizationMoveModal({
  organization,
  onClose,
}: {
  organization: Organization;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [parentId, setParentId] = useState<string | null>(null);
  const targets = useQuery({
    queryKey: ['organization-move-targets', organization.id],
    queryFn: () => loadMoveTargets(organization),
    staleTime: 0,
  });
  const mutation = useMutation({
    mutationFn: () =>
      api.post<Organization>(`/organizations/${organization.id}/move`, {
        version: organization.version,
        parentId,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      await queryClient.invalidateQueries({ queryKey: ['organization'] });
      onClose();
    },
    onError: async (error) => {
      if (isStaleVersion(error)) await queryClient.invalidateQueries({ queryKey: ['organization'] });
    },
  });
  const message = formMessage(mutation.error, ['parentId']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parentId) mutation.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={`Chuyển ${organization.name}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">Chọn tổ chức cấp trên mới. Các tổ chức trực thuộc và cơ quan, đơn vị đi theo.</Text>
          {message && (
            <Alert color={isStaleVersion(mutation.error) ? 'yellow' : 'red'} role="alert">
              {message}
            </Alert>
          )}
          {targets.isPending ? (
            <Loading label="Đang tải danh sách tổ chức…" />
          ) : (
            <Select
              label="Tổ chức cấp trên mới"
              searchable
              nothingFoundMessage="Không có tổ chức phù hợp"
              data={(targets.data ?? [])
                .filter((target) => target.id !== organization.parentId)
                .map((target) => ({ value: target.id, label: target.label }))}
              value={parentId}
              onChange={setParentId}
              error={
                fieldErrors(mutation.error).parentId ?? (targets.isError ? 'Không tải được danh sách.' : null)
              }
            />
          )}
          <FormActions
            onCancel={onClose}
            busy={mutation.isPending}
            submitLabel="Chuyển"
            disabled={!parentId}
          />
        </Stack>
      </form>
    </Modal>
  );
}
