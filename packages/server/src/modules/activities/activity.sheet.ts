import { INVITATION_STATUS_LABELS, type Activity, type Invitation, type Lang } from '@kefu/shared';
import { buildSheet, type SheetColumn } from '../cards';

const at = (iso: string | null) => iso?.slice(0, 16).replace('T', ' ') ?? '';

/** The attendee list with the opinions collected afterwards (活动出席及意见表), in Excel. */
export function attendeeWorkbook(activity: Activity, rows: Invitation[], lang: Lang, by: { name: string; at: string }): Promise<Buffer> {
  const zh = lang === 'zh-CN';
  const columns: SheetColumn<Invitation>[] = [
    { header: zh ? '会员' : 'Member', width: 12, value: (r) => r.customerName },
    { header: zh ? '邀请状态' : 'Answer', width: 10, value: (r) => INVITATION_STATUS_LABELS[r.status][lang] },
    { header: zh ? '签到时间(UTC)' : 'Checked in (UTC)', width: 18, value: (r) => at(r.checkedInAt) },
    { header: zh ? '评分(1-5)' : 'Rating (1-5)', width: 10, value: (r) => r.rating },
    { header: zh ? '意见' : 'Opinion', width: 40, value: (r) => r.opinion },
    { header: zh ? '邀请人' : 'Invited by', width: 10, value: (r) => r.invitedByName },
  ];
  const s = activity.summary;
  const title = `${activity.title}（${activity.place}）`;
  const note = zh
    ? `导出人：${by.name}，导出时间：${by.at}（UTC）；邀请 ${s.invited}，接受 ${s.accepted}，出席 ${s.attended}，平均评分 ${s.averageRating ?? '—'}`
    : `Exported by ${by.name} at ${by.at} (UTC); invited ${s.invited}, accepted ${s.accepted}, attended ${s.attended}, average rating ${s.averageRating ?? '—'}`;
  return buildSheet(title, note, columns, rows);
}
