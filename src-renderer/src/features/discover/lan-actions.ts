import { useI18n } from 'vue-i18n';
import { ElMessage, ElMessageBox } from 'element-plus';
import { useApi } from '@renderer/api/inject';
import { toErrorData } from '@renderer/api/errors';
import { displayMac } from '@shared/identifiers';
import { webAdminUrl } from './rows';

/** The row actions that stay on the LAN side: copying a MAC, opening a phone's web admin page. */
export function useLanActions() {
  const api = useApi();
  const { t } = useI18n();

  async function copyMac(mac: string): Promise<void> {
    const text = displayMac(mac);
    try {
      await navigator.clipboard.writeText(text);
      ElMessage({ type: 'success', message: t('discover.actions.copied', { mac: text }) });
    } catch {
      // Refused (no permission, no clipboard): the technician still needs the MAC, so show it to copy by hand.
      ElMessage({
        type: 'warning',
        message: t('discover.actions.copyFailed', { mac: text }),
        duration: 0,
        showClose: true,
        customClass: 'discover-copy-failed',
      });
    }
  }

  /** After confirmation: the system browser (Electron), or a new tab where the shell cannot open one. */
  async function openWebAdmin(ip: string): Promise<void> {
    const url = webAdminUrl(ip);
    try {
      await ElMessageBox.confirm(
        t('discover.actions.webAdminBody', { url }),
        t('discover.actions.webAdminTitle'),
        {
          type: 'info',
          confirmButtonText: t('discover.actions.webAdminOpen'),
          cancelButtonText: t('common.cancel'),
          customClass: 'discover-web-admin-confirm',
        },
      );
    } catch {
      return; // cancelled
    }
    try {
      const answer = await api.app.openExternal({ url });
      if (!answer.opened) window.open(answer.url, '_blank', 'noopener,noreferrer');
    } catch (error) {
      ElMessage({
        type: 'error',
        message: `${t('discover.actions.webAdminFailed')}: ${toErrorData(error).message}`,
        showClose: true,
      });
    }
  }

  return { copyMac, openWebAdmin };
}
