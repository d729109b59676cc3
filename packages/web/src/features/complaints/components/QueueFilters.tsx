import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES } from '@kefu/shared/complaint';
import { COMPLAINT_STATES } from '@kefu/shared/complaint-workflow';
import { Button, Input, Select, Space } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { StaffSelect } from '../../customers/components/StaffSelect';
import type { ListParams } from '../api';
import { useComplaintLabels } from '../labels';
import type { QueueFilterKey } from '../use-queue-params';
import { DepartmentSelect } from './DepartmentSelect';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  params: ListParams;
  set: (key: QueueFilterKey, value: string | undefined) => void;
  clear: () => void;
  searching: boolean;
  showState: boolean;
}

/** Search by number or name, and the filters of the queue (state, category, severity, department, assignee). */
export function QueueFilters({ query, onQuery, params, set, clear, searching, showState }: Props) {
  const t = useT();
  const labels = useComplaintLabels();
  const width = { width: 128 };
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        placeholder={t('complaints.searchPlaceholder')}
        loading={searching}
        style={{ width: 290 }}
        data-testid="complaint-search"
      />
      {showState ? (
        <Select
          allowClear
          style={width}
          placeholder={t('complaints.col.state')}
          value={params.state}
          onChange={(v: string | undefined) => set('state', v)}
          options={COMPLAINT_STATES.filter((s) => s !== 'closed').map((s) => ({ value: s, label: labels.state(s) }))}
          data-testid="filter-state"
        />
      ) : null}
      <Select
        allowClear
        style={width}
        placeholder={t('complaints.col.category')}
        value={params.category}
        onChange={(v: string | undefined) => set('category', v)}
        options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
        data-testid="filter-category"
      />
      <Select
        allowClear
        style={{ width: 110 }}
        placeholder={t('complaints.col.severity')}
        value={params.severity}
        onChange={(v: string | undefined) => set('severity', v)}
        options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))}
      />
      <DepartmentSelect style={width} placeholder={t('complaints.col.department')} value={params.departmentId} onChange={(v) => set('departmentId', v)} />
      <div style={{ width: 150 }}>
        <StaffSelect
          placeholder={t('complaints.col.assignee')}
          value={params.assigneeId}
          onChange={(v) => set('assigneeId', typeof v === 'string' ? v : undefined)}
        />
      </div>
      <Button onClick={clear}>{t('common.reset')}</Button>
    </Space>
  );
}
