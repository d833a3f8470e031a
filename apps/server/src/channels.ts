import type { AppConfig } from './config';

/** The start-up line of which notification channels are on, and why mail is off when it is. */
export function notificationChannels(config: Pick<AppConfig, 'mail' | 'webhookAllowPrivate'>): string {
  const webhooks = `webhooks on${config.webhookAllowPrivate ? ' (private addresses allowed: WEBHOOK_ALLOW_PRIVATE=1)' : ''}`;
  if (!config.mail) return `${webhooks}; mail off (no SMTP_URL)`;
  const smtp = new URL(config.mail.smtpUrl);
  // The URL may carry a password: only its host is printed.
  const mail = `mail on through ${smtp.protocol}//${smtp.host} from ${config.mail.from}`;
  return `${webhooks}; ${mail}${config.mail.ticketLink ? '' : ' (no TICKET_LINK: mails carry no link)'}`;
}
