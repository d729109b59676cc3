import type { ScriptVariable } from '@kefu/shared/script';
import { useCallback } from 'react';
import type { TextKey } from '../../app/i18n/catalog';
import { useT } from '../../app/i18n/use-t';

const MISSING: Partial<Record<ScriptVariable, TextKey>> = { agentNo: 'scripts.noAgentNo', company: 'scripts.noCompany', name: 'scripts.noName' };

/** What the agent has to say themselves because the system does not know it. */
export function useMissingText() {
  const t = useT();
  return useCallback(
    (missing: ScriptVariable[]) => {
      const names = missing.flatMap((m) => (MISSING[m] ? [t(MISSING[m])] : []));
      return names.length ? t('scripts.missing', { names: names.join('、') }) : null;
    },
    [t],
  );
}
