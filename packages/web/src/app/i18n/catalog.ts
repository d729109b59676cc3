import { adminText } from '../../features/admin/text';
import { archiveSettingsText } from '../../features/archive-settings/text';
import { auditText } from '../../features/audit/text';
import { authText } from '../../features/auth/text';
import { bookingActionText } from '../../features/bookings/action-text';
import { bookingExtrasText } from '../../features/bookings/extras-text';
import { resourceText } from '../../features/bookings/resource-text';
import { bookingText } from '../../features/bookings/text';
import { calendarText } from '../../features/calendar/text';
import { cardText } from '../../features/cards/text';
import { callCentreText } from '../../features/call-centre/text';
import { followUpText } from '../../features/follow-ups/text';
import { inquiryText } from '../../features/inquiries/text';
import { knowledgeText } from '../../features/knowledge/text';
import { scriptText } from '../../features/scripts/text';
import { complaintReportText } from '../../features/complaint-reports/text';
import { complaintSettingsText } from '../../features/complaint-settings/text';
import { complaintCaseText } from '../../features/complaints/case-text';
import { complaintFormText } from '../../features/complaints/form-text';
import { complaintStepText } from '../../features/complaints/step-text';
import { complaintText } from '../../features/complaints/text';
import { customerExportText } from '../../features/customer-export/text';
import { customerImportText } from '../../features/customer-import/text';
import { customerDetailText } from '../../features/customers/detail-text';
import { customerFormText } from '../../features/customers/form-text';
import { customerText } from '../../features/customers/text';
import { groupBookingText } from '../../features/group-bookings/text';
import { roomBookingText } from '../../features/room-bookings/text';
import { followUpRuleText } from '../../features/follow-up-rules/text';
import { notificationText } from '../../features/notifications/text';
import { commonText } from './common-text';

/** Every UI text, each with its zh-CN and English side by side, so none is missing a translation. */
export const CATALOG = {
  ...commonText,
  ...authText,
  ...customerText,
  ...customerFormText,
  ...customerDetailText,
  ...adminText,
  ...auditText,
  ...archiveSettingsText,
  ...calendarText,
  ...complaintSettingsText,
  ...customerImportText,
  ...customerExportText,
  ...complaintText,
  ...complaintFormText,
  ...complaintCaseText,
  ...complaintStepText,
  ...complaintReportText,
  ...notificationText,
  ...followUpRuleText,
  ...cardText,
  ...callCentreText,
  ...followUpText,
  ...inquiryText,
  ...knowledgeText,
  ...scriptText,
  ...bookingText,
  ...bookingActionText,
  ...bookingExtrasText,
  ...resourceText,
  ...groupBookingText,
  ...roomBookingText,
};
export type TextKey = keyof typeof CATALOG;
