/** The strings of the parts about notifications (a chunk loaded on demand). */
export const en = {
  waiting: { resolved: 'Resolved, close it now', needHelp: 'I still need help', failed: 'The ticket could not be closed.' },
  email: {
    label: 'Email notifications',
    on: (address: string) => `Replies and closing are mailed to ${address}.`,
    off: 'You get no mail about your tickets.',
    none: 'No email address is known for you, so no mail is sent.',
    failed: 'The setting could not be saved.',
  },
};
export type NotifyText = typeof en;
