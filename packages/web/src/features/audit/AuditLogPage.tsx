import { Card, Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLang } from '../../app/i18n/language';
import { useT } from '../../app/i18n/use-t';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { auditActionLabel } from './action-labels';
import { useAuditLog, type AuditEntry, type AuditFilters } from './api';
import { AuditFilterBar } from './AuditFilterBar';

/** 审计日志: newest first, filtered, paged by cursor; each row opens to its full detail. */
export function AuditLogPage() {
  const t = useT();
  const { lang } = useLang();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 150,
      render: (name: string, e) =>
        e.actorKind === 'apikey' ? (
          <span>
            {name} <Tag>{t('audit.apiKey')}</Tag>
          </span>
        ) : (
          name
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 220,
      render: (a: string) => {
        const label = auditActionLabel(a, lang);
        return label ? (
          <div>
            <div>{label}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text code>{a}</Typography.Text>
        );
      },
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, e) =>
        e.entityType === 'customer' && e.entityId ? (
          <Link to={`/customers/${e.entityId}`}>{typeof e.detail.name === 'string' ? e.detail.name : t('audit.openCustomer')}</Link>
        ) : (
          <Typography.Text type="secondary">{[e.entityType, e.entityId].filter(Boolean).join(' · ') || '—'}</Typography.Text>
        ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  ];
  return (
    <>
      <PageHeader title={t('audit.title')}>
        <Typography.Text type="secondary">{t('audit.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <AuditFilterBar onChange={setFilters} />
        <ErrorAlert error={log.error} onRetry={() => void log.refetch()} retryText={t('common.retry')} />
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={log.isPending || (log.isPlaceholderData && log.isFetching)}
          pagination={false}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'entityId', label: t('audit.entityId'), children: e.entityId ?? '—' },
                  { key: 'requestId', label: t('audit.requestId'), children: e.requestId ?? '—' },
                  { key: 'detail', label: t('audit.detail'), children: <pre className="json-block">{JSON.stringify(e.detail, null, 2)}</pre> },
                ]}
              />
            ),
          }}
        />
        {rows.length ? (
          <LoadMore
            hasMore={!!log.hasNextPage}
            loading={log.isFetchingNextPage}
            onLoad={() => void log.fetchNextPage()}
            moreText={t('common.loadMore')}
            doneText={t('common.noMore')}
          />
        ) : null}
      </Card>
    </>
  );
}
