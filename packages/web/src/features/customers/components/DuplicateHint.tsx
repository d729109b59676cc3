import { normaliseMobile } from '@kefu/shared/phone';
import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDuplicates } from '../api';
import { LifecycleTag } from './CustomerTags';

/** While the mobile is typed: the customers who already have it (excluding the one being edited). */
export function DuplicateHint({ mobile, exceptId }: { mobile: string | null | undefined; exceptId?: string }) {
  const t = useT();
  const typed = useDebouncedValue(mobile ?? '', 300);
  const normalised = typed ? normaliseMobile(typed) : null;
  const duplicates = useDuplicates(normalised);
  const others = (duplicates.data ?? []).filter((c) => c.id !== exceptId);
  if (!normalised || others.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      data-testid="duplicate-hint"
      title={t('customerForm.duplicate.title')}
      description={others.map((c) => (
        <div key={c.id}>
          <Link to={`/customers/${c.id}`} target="_blank">
            {c.name}
          </Link>{' '}
          <span style={{ color: '#8c8c8c' }}>{c.mobile}</span> <LifecycleTag state={c.lifecycle} /> {c.ownerName ?? ''}
        </div>
      ))}
    />
  );
}
