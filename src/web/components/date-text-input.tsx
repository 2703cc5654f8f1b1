import { TextInput, type TextInputProps } from '@mantine/core';
import type { KeyboardEvent } from 'react';

/**
 * A date typed as dd/mm/yyyy. Enter here does not submit the form around it (a plan, a schedule, a
 * person has more fields to check than this one): it moves on to the next field instead.
 */
export function DateTextInput({ onKeyDown, ...props }: TextInputProps) {
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const form = event.currentTarget.form;
      if (form) {
        const fields = [...form.querySelectorAll<HTMLElement>('input, select, textarea')].filter(
          (field) => !field.hasAttribute('disabled') && field.getAttribute('type') !== 'hidden',
        );
        fields[fields.indexOf(event.currentTarget) + 1]?.focus();
      }
    }
    onKeyDown?.(event);
  };
  return <TextInput placeholder="dd/mm/yyyy" inputMode="numeric" {...props} onKeyDown={keyDown} />;
}
