import { mergeAsyncChildren, type TreeNodeData, TreeSelect } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { Organization } from '../../contract/organizations.js';
import { api, queryString } from '../api.js';
import { errorMessage } from './states.js';

export interface PickedOrganization {
  id: string;
  name: string;
}

interface OrganizationPickerProps {
  label: string;
  value: string | null;
  onChange: (picked: PickedOrganization | null) => void;
  description?: ReactNode;
  error?: ReactNode;
  placeholder?: string;
  clearable?: boolean;
  required?: boolean;
}

const childrenKey = (parentId: string | null) => ['organization-picker', parentId] as const;

function fetchChildren(parentId: string | null) {
  return api.get<{ items: Organization[] }>(`/organizations${queryString({ parentId })}`);
}

function toNode(organization: Organization): TreeNodeData {
  return { value: organization.id, label: organization.name, hasChildren: organization.childCount > 0 };
}

function findNode(nodes: TreeNodeData[], value: string): TreeNodeData | undefined {
  for (const node of nodes) {
    if (node.value === value) return node;
    const inside = node.children && findNode(node.children, value);
    if (inside) return inside;
  }
  return undefined;
}

/**
 * Picks one organization of the user's scope. The tree can be national in size, so it starts at the
 * tops of the scope and loads each branch's children only when the branch is opened.
 */
export function OrganizationPicker({
  label,
  value,
  onChange,
  description,
  error,
  placeholder = 'Chọn tổ chức',
  clearable = false,
  required = false,
}: OrganizationPickerProps) {
  const queryClient = useQueryClient();
  const roots = useQuery({ queryKey: childrenKey(null), queryFn: () => fetchChildren(null) });
  const [tree, setTree] = useState<TreeNodeData[] | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const data = tree ?? roots.data?.items.map(toNode) ?? [];

  const changeExpanded = async (values: string[]) => {
    const opened = values.filter((node) => !expanded.includes(node));
    setExpanded(values);
    for (const parentId of opened) {
      if (findNode(data, parentId)?.children) continue;
      try {
        const children = await queryClient.fetchQuery({
          queryKey: childrenKey(parentId),
          queryFn: () => fetchChildren(parentId),
          staleTime: 60_000,
        });
        setTree((current) => mergeAsyncChildren(current ?? data, parentId, children.items.map(toNode)));
        setLoadError(null);
      } catch (failure) {
        setLoadError(errorMessage(failure));
      }
    }
  };

  const change = (picked: string | null) => {
    const node = picked ? findNode(data, picked) : undefined;
    onChange(node ? { id: node.value, name: String(node.label) } : null);
  };

  const problem = error ?? loadError ?? (roots.isError ? errorMessage(roots.error) : undefined);
  return (
    <TreeSelect
      label={label}
      description={description}
      error={problem}
      required={required}
      placeholder={roots.isPending ? 'Đang tải…' : placeholder}
      data={data}
      value={value}
      onChange={change}
      expandedValues={expanded}
      onExpandedChange={changeExpanded}
      searchable
      clearable={clearable}
      allowDeselect={clearable}
      nothingFoundMessage="Không có tổ chức phù hợp trong các nhánh đang mở."
      chevronAriaLabels={{ expand: 'Mở nhánh', collapse: 'Thu nhánh' }}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
