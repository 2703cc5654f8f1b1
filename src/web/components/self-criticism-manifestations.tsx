import { Checkbox, Group, Radio, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ManifestationAnswer } from '../../domain/self-criticism.js';
import { EmptyState } from './states.js';

type Choice = 'none' | 'some';

function ManifestationItem({
  number,
  text,
  remark,
  onToggle,
  onRemark,
}: {
  number: number;
  text: string;
  remark: string | null;
  onToggle: (on: boolean) => void;
  onRemark: (remark: string) => void;
}) {
  return (
    <Stack gap={4}>
      <Checkbox
        checked={remark !== null}
        onChange={(event) => onToggle(event.currentTarget.checked)}
        label={`${number}. ${text}`}
      />
      {remark !== null && (
        <TextInput
          ml="xl"
          size="xs"
          aria-label={`Ghi chú biểu hiện số ${number}`}
          placeholder="Ghi chú: biểu hiện cụ thể, mức độ"
          value={remark}
          maxLength={1000}
          onChange={(event) => onRemark(event.currentTarget.value)}
        />
      )}
    </Stack>
  );
}

/**
 * The member states, against the plan's numbered list of manifestations, either that none applies
 * or which do, each with a remark. The list can be long: it filters as one types.
 */
export function SelfCriticismManifestations({
  manifestations,
  answer,
  onChange,
}: {
  manifestations: string[];
  answer: ManifestationAnswer;
  onChange: (answer: ManifestationAnswer) => void;
}) {
  const [choice, setChoice] = useState<Choice | null>(
    answer.none ? 'none' : answer.items.length > 0 ? 'some' : null,
  );
  const [search, setSearch] = useState('');
  const remarks = new Map(answer.items.map((item) => [item.number, item.remark]));
  const needle = search.trim().toLocaleLowerCase('vi');
  const shown = manifestations
    .map((text, index) => ({ number: index + 1, text }))
    .filter(
      (item) =>
        !needle || item.text.toLocaleLowerCase('vi').includes(needle) || String(item.number) === needle,
    );
  const setItems = (items: ManifestationAnswer['items']) =>
    onChange({ none: false, items: [...items].sort((a, b) => a.number - b.number) });

  return (
    <Stack gap="xs">
      <Radio.Group
        label="Đối chiếu với danh mục biểu hiện suy thoái của kế hoạch"
        value={choice}
        onChange={(value) => {
          const next = value as Choice;
          setChoice(next);
          onChange(next === 'none' ? { none: true, items: [] } : { none: false, items: answer.items });
        }}
      >
        <Group mt="xs">
          <Radio value="none" label="Không có biểu hiện nào" />
          <Radio value="some" label="Có biểu hiện" />
        </Group>
      </Radio.Group>
      {choice === 'some' && (
        <Stack gap="xs">
          <Group justify="space-between" align="flex-end">
            <TextInput
              label="Tìm biểu hiện"
              placeholder="Gõ vài chữ hoặc số thứ tự"
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={320}
            />
            <Text size="sm" c="dimmed">
              Đã chọn {answer.items.length} / {manifestations.length} biểu hiện
            </Text>
          </Group>
          {shown.length === 0 ? (
            <EmptyState>Không có biểu hiện nào khớp.</EmptyState>
          ) : (
            <ScrollArea.Autosize mah={420} type="auto">
              <Stack gap="sm" pr="md">
                {shown.map((item) => (
                  <ManifestationItem
                    key={item.number}
                    number={item.number}
                    text={item.text}
                    remark={remarks.get(item.number) ?? null}
                    onToggle={(on) =>
                      setItems(
                        on
                          ? [...answer.items, { number: item.number, remark: '' }]
                          : answer.items.filter((chosen) => chosen.number !== item.number),
                      )
                    }
                    onRemark={(remark) =>
                      setItems(
                        answer.items.map((chosen) =>
                          chosen.number === item.number ? { ...chosen, remark } : chosen,
                        ),
                      )
                    }
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Stack>
      )}
    </Stack>
  );
}
