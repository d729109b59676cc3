import type { FollowUpTask } from '@kefu/shared/follow-up';
import { Table, Tag, Typography } from 'antd';
import type { TableRowSelection } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { STATUS_COLORS, statusLabel, time } from '../labels';

/** The call list: customer (opens the task screen), reason, due, priority, calls made, status; the agent column for supervisors. */
export function TaskTable({
  tasks,
  loading,
  emptyText,
  showAssignee = false,
  selection,
  testId,
}: {
  tasks: FollowUpTask[];
  loading: boolean;
  emptyText: string;
  showAssignee?: boolean;
  selection?: TableRowSelection<FollowUpTask>;
  testId: string;
}) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Table<FollowUpTask>
      data-testid={testId}
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tasks}
      pagination={false}
      rowSelection={selection}
      locale={{ emptyText }}
      columns={[
        {
          title: t('fu.col.customer'),
          key: 'customer',
          render: (_, r) => (
            <Link to={`/follow-ups/${r.id}`} data-testid="task-link">
              {r.customer.name}
            </Link>
          ),
        },
        { title: t('fu.col.reason'), dataIndex: 'reasonText', ellipsis: true },
        {
          title: t('fu.col.due'),
          key: 'due',
          width: 190,
          render: (_, r) => (
            <>
              {time(r.dueAt)} {r.overdue ? <Tag color="red">{t('fu.overdue')}</Tag> : null}
            </>
          ),
        },
        {
          title: t('fu.col.priority'),
          dataIndex: 'priority',
          width: 80,
          render: (p: number) => <Tag color={p === 1 ? 'red' : p === 3 ? 'default' : 'blue'}>{t(`fu.priority.${p as 1 | 2 | 3}`)}</Tag>,
        },
        { title: t('fu.col.attempts'), key: 'attempts', width: 90, render: (_, r) => t('fu.attempts', { n: r.attempts, max: r.maxAttempts }) },
        ...(showAssignee
          ? [
              {
                title: t('fu.col.assignee'),
                key: 'assignee',
                width: 110,
                render: (_: unknown, r: FollowUpTask) => r.assignee?.name ?? <Typography.Text type="secondary">{t('fu.unassigned')}</Typography.Text>,
              },
            ]
          : []),
        {
          title: t('fu.col.status'),
          dataIndex: 'status',
          width: 100,
          render: (s: FollowUpTask['status']) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s, lang)}</Tag>,
        },
      ]}
    />
  );
}
