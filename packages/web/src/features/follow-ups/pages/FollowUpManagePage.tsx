import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useAgents, useTasks, type Agent, type TaskQuery } from '../api';
import { CampaignsPanel } from '../components/CampaignsPanel';
import { DistributeBar } from '../components/DistributeBar';
import { NewTaskDialog } from '../components/NewTaskDialog';
import { TaskTable } from '../components/TaskTable';

function TaskTab({ query, testId, emptyText, distribute }: { query: TaskQuery; testId: string; emptyText: string; distribute: boolean }) {
  const t = useT();
  const list = useTasks(query);
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
      {distribute ? <DistributeBar taskIds={selected} onDone={() => setSelected([])} /> : null}
      <TaskTable
        testId={testId}
        showAssignee
        tasks={list.data?.items ?? []}
        loading={list.isPending}
        emptyText={emptyText}
        selection={distribute ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
      />
    </>
  );
}

function Loads() {
  const t = useT();
  const agents = useAgents();
  return (
    <Table<Agent>
      rowKey="id"
      size="middle"
      loading={agents.isPending}
      dataSource={agents.data?.items ?? []}
      pagination={false}
      columns={[
        { title: t('fu.col.assignee'), dataIndex: 'name' },
        { title: t('fu.manage.open'), dataIndex: 'open', align: 'right' },
      ]}
    />
  );
}

type Tab = 'open' | 'overdue' | 'check' | 'campaigns' | 'loads';

/** 回访管理 (supervisor): distribute by load, overdue tasks, spot checks, campaigns, tasks by hand. */
export function FollowUpManagePage() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = (['open', 'overdue', 'check', 'campaigns', 'loads'] as const).find((v) => v === search.get('tab')) ?? 'open';
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('fu.manage.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="task-new">
            {t('fu.manage.newTask')}
          </Button>
        }
      >
        <Typography.Text type="secondary">{t('fu.manage.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(k) => setSearch(new URLSearchParams({ tab: k }), { replace: true })}
          destroyOnHidden
          items={[
            {
              key: 'open',
              label: t('fu.manage.tab.open'),
              children: <TaskTab testId="manage-open" query={{ status: 'open' }} emptyText={t('fu.mine.empty')} distribute />,
            },
            {
              key: 'overdue',
              label: t('fu.manage.tab.overdue'),
              children: <TaskTab testId="manage-overdue" query={{ status: 'open', overdue: true }} emptyText={t('fu.mine.empty')} distribute />,
            },
            {
              key: 'check',
              label: t('fu.manage.tab.check'),
              children: <TaskTab testId="manage-check" query={{ status: 'closed', toCheck: true }} emptyText={t('fu.manage.checkEmpty')} distribute={false} />,
            },
            { key: 'campaigns', label: t('fu.manage.tab.campaigns'), children: <CampaignsPanel /> },
            { key: 'loads', label: t('fu.manage.tab.loads'), children: <Loads /> },
          ]}
        />
      </Card>
      <NewTaskDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
