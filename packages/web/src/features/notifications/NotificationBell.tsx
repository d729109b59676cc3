import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../app/i18n/use-t';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Notification } from '@kefu/shared/notification';
import { useMarkRead, useNotifications } from './api';

/** The bell in the header: how many are unread, the latest ones, a click opens what it is about and marks it read. */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useNotifications();
  const mark = useMarkRead();
  const unread = list.data?.unread ?? 0;

  const follow = (n: Notification) => {
    if (!n.readAt) mark.mutate(n.id);
    setOpen(false);
    if (n.link) void navigate(n.link);
  };
  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      <ErrorAlert error={list.error} />
      {list.data?.items.length ? (
        list.data.items.map((n) => (
          <div
            key={n.id}
            role="button"
            tabIndex={0}
            onClick={() => follow(n)}
            onKeyDown={(e) => (e.key === 'Enter' ? follow(n) : undefined)}
            data-testid="notification-item"
            style={{ padding: '8px 4px', borderBottom: '1px solid #f0f0f0', cursor: 'pointer', lineHeight: 1.5 }}
          >
            <div style={{ fontWeight: n.readAt ? 400 : 600 }}>
              {n.readAt ? null : <Badge status="processing" style={{ marginRight: 6 }} />}
              {n.title}
            </div>
            {n.body ? <div style={{ color: '#595959', fontSize: 13 }}>{n.body}</div> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(n.createdAt).format('MM-DD HH:mm')}
            </Typography.Text>
          </div>
        ))
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </div>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{unread ? t('notifications.titleUnread', { n: unread }) : t('notifications.title')}</span>
          {unread ? (
            <Button
              type="link"
              size="small"
              onClick={() => mark.mutate('all')}
              loading={mark.isPending && mark.variables === 'all'}
              data-testid="notifications-read-all"
            >
              {t('notifications.readAll')}
            </Button>
          ) : null}
        </div>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('notifications.open')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
