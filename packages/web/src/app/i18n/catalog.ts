import { adminText } from '../../features/admin/text';
import { archiveSettingsText } from '../../features/archive-settings/text';
import { auditText } from '../../features/audit/text';
import { authText } from '../../features/auth/text';
import { customerExportText } from '../../features/customer-export/text';
import { customerImportText } from '../../features/customer-import/text';
import { customerDetailText } from '../../features/customers/detail-text';
import { customerFormText } from '../../features/customers/form-text';
import { customerText } from '../../features/customers/text';
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
  ...customerImportText,
  ...customerExportText,
};
export type TextKey = keyof typeof CATALOG;
