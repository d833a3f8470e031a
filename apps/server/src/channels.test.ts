import { describe, expect, it } from 'vitest';
import { notificationChannels } from './channels';
import { ConfigError, loadConfig } from './config';

describe('notification settings', () => {
  it('say at start-up which channels are on, never printing the SMTP password', () => {
    expect(notificationChannels(loadConfig({}))).toBe('webhooks on; mail off (no SMTP_URL)');
    const config = loadConfig({
      SMTP_URL: 'smtp://user:secret@mail.example.com:587',
      MAIL_FROM: 'Support <support@example.com>',
      TICKET_LINK: 'https://panel.example.com/support?ticket={id}',
      WEBHOOK_ALLOW_PRIVATE: '1',
    });
    const line = notificationChannels(config);
    expect(line).toBe('webhooks on (private addresses allowed: WEBHOOK_ALLOW_PRIVATE=1); mail on through smtp://mail.example.com:587 from Support <support@example.com>');
    expect(line).not.toContain('secret');
  });

  it('refuse bad mail and webhook settings with a clear message', () => {
    expect(() => loadConfig({ SMTP_URL: 'mail.example.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.com', TICKET_LINK: 'https://panel.example.com/' })).toThrow(/TICKET_LINK must contain \{id\}/);
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_MS: '60000' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
  });
});
