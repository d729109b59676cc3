import { CARD_KIND_LABELS, ENTRY_KIND_LABELS } from '@kefu/shared/card';
import type { CardKind, EntryKind } from '@kefu/shared/card-ledger';
import { useCallback } from 'react';
import { useLang } from '../../app/i18n/language';

/** The shared labels of movements and card kinds, in the reader's language. */
export function useEntryKindLabel() {
  const { lang } = useLang();
  return useCallback((kind: EntryKind) => ENTRY_KIND_LABELS[kind][lang], [lang]);
}

export function useCardKindLabel() {
  const { lang } = useLang();
  return useCallback((kind: CardKind) => CARD_KIND_LABELS[kind][lang], [lang]);
}
