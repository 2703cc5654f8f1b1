import { Anchor, Badge, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Organization } from '../../contract/organizations.js';
import { api } from '../api.js';
import { isStaleVersion } from '../components/form-field-errors.js';
import { Section } from '../components/layout.js';
import { OrganizationChildren } from '../components/organization-children.js';
import { OrganizationCommittee } from '../components/organization-committee.js';
import { OrganizationFormModal } from '../components/organization-form-modal.js';
import { OrganizationMoveModal } from '../components/organization-move-modal.js';
import { useOrganizationQuery } from '../components/organization-query.js';
import { organizationKindLabel } from '../components/organization-tree.js';
import { OrganizationWorkplaces } from '../components/organization-workplaces.js';
import { ErrorNotice, errorMessage, Loading } from '../components/states.js';
import { WorkplaceFormModal } from '../components/workplace-form-modal.js';
import { PATHS } from '../paths.js';

type OpenModal = 'create-child' | 'edit' | 'move' | 'add-workplace' | null;

export default function OrganizationPage() {
  const { id } = useParams();
  const query = useOrganizationQuery(id);
  const queryClient = useQueryClient();
  const [openModal, setOpenModal] = useState<OpenModal>(null);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const organization = query.data;
  const { permissions } = organization;
  const close = () => setOpenModal(null);

  const confirmClosing = () => {
    const closing = !organization.closed;
    modals.openConfirmModal({
      title: closing ? 'Giải thể tổ chức' : 'Khôi phục tổ chức',
      children: (
        <Text size="sm">
          {closing
            ? `Đánh dấu "${organization.name}" là đã giải thể? Hồ sơ vẫn được giữ lại và có thể khôi phục sau.`
            : `Khôi phục "${organization.name}" để tiếp tục hoạt động?`}
        </Text>
      ),
      labels: { confirm: closing ? 'Giải thể' : 'Khôi phục', cancel: 'Hủy' },
      confirmProps: { color: closing ? 'red' : undefined },
      onConfirm: async () => {
        try {
          await api.post<Organization>(`/organizations/${organization.id}/${closing ? 'close' : 'reopen'}`, {
            version: organization.version,
          });
          notifications.show({
            color: 'green',
            message: closing ? 'Đã giải thể tổ chức.' : 'Đã khôi phục tổ chức.',
          });
        } catch (error) {
          notifications.show({
            color: 'red',
            title: closing ? 'Không giải thể được' : 'Không khôi phục được',
            message: isStaleVersion(error)
              ? 'Dữ liệu đã bị người khác thay đổi. Trang đã tải lại bản mới nhất, vui lòng thử lại.'
              : errorMessage(error),
          });
        }
        await queryClient.invalidateQueries({ queryKey: ['organization'] });
        await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      },
    });
  };

  return (
    <Stack>
      <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={PATHS.tree}>
          Cây tổ chức
        </Anchor>
        {organization.ancestors.map((ancestor) => (
          <Anchor key={ancestor.id} component={Link} to={PATHS.organization(ancestor.id)}>
            {ancestor.name}
          </Anchor>
        ))}
        <Text>{organization.name}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={2}>
          {organization.name}
          {organization.closed && (
            <Text span c="dimmed" fz="lg">
              {' '}
              (đã giải thể)
            </Text>
          )}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color="gray">
            {organizationKindLabel(organization.kind)}
          </Badge>
          {organization.shortName && <Text size="sm">Tên viết tắt: {organization.shortName}</Text>}
        </Group>
        <Text size="sm" c="dimmed" data-testid="document-header">
          Tiêu đề văn bản:{' '}
          {[organization.documentHeader.superior, organization.documentHeader.issuer]
            .filter(Boolean)
            .join(' / ')}
        </Text>
      </Stack>
      {(permissions.editTree || permissions.readPeople) && (
        <Group gap="xs">
          {permissions.editTree && (
            <>
              <Button size="xs" variant="light" onClick={() => setOpenModal('edit')}>
                Sửa thông tin
              </Button>
              {organization.parentId && (
                <Button size="xs" variant="light" onClick={() => setOpenModal('move')}>
                  Chuyển sang tổ chức khác
                </Button>
              )}
              <Button
                size="xs"
                variant="light"
                color={organization.closed ? 'green' : 'red'}
                onClick={confirmClosing}
              >
                {organization.closed ? 'Khôi phục' : 'Giải thể'}
              </Button>
            </>
          )}
          {permissions.readPeople && (
            <Button
              size="xs"
              variant="default"
              component="a"
              href={`/api/v1/organizations/${organization.id}/roster.xlsx`}
              download
            >
              Xuất danh sách nhân sự (Excel)
            </Button>
          )}
        </Group>
      )}
      <Section
        title="Tổ chức trực thuộc"
        actions={
          permissions.editTree &&
          !organization.closed && (
            <Button size="xs" onClick={() => setOpenModal('create-child')}>
              Thêm tổ chức trực thuộc
            </Button>
          )
        }
      >
        <OrganizationChildren organizations={organization.children} />
      </Section>
      <Section
        title="Cơ quan, đơn vị"
        actions={
          permissions.editWorkplaces &&
          !organization.closed && (
            <Button size="xs" onClick={() => setOpenModal('add-workplace')}>
              Thêm cơ quan, đơn vị
            </Button>
          )
        }
      >
        <OrganizationWorkplaces organizationId={organization.id} />
      </Section>
      {permissions.readPeople && (
        <Section title="Cấp ủy">
          <OrganizationCommittee committee={organization.committee} />
        </Section>
      )}
      {openModal === 'create-child' && (
        <OrganizationFormModal target={{ mode: 'create', parent: organization }} onClose={close} />
      )}
      {openModal === 'edit' && (
        <OrganizationFormModal target={{ mode: 'edit', organization }} onClose={close} />
      )}
      {openModal === 'move' && <OrganizationMoveModal organization={organization} onClose={close} />}
      {openModal === 'add-workplace' && (
        <WorkplaceFormModal
          target={{ mode: 'create', organizationId: organization.id, organizationName: organization.name }}
          onClose={close}
        />
      )}
    </Stack>
  );
}
