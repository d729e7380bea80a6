/** English for macros: the picker, what a run did, and Settings → Macros. */
export const enMacros = {
  macros: {
    title: 'Macros',
    hint: 'A macro does a whole routine with one key: m, then its name or its own key, then Enter. On several selected tickets, replies are written into each ticket’s draft for you to read and send.',
    pick_one: 'Apply a macro', pick_other: 'Apply a macro to {{count}} tickets',
    button: 'Macro…',
    applied_one: 'Macro “{{name}}” applied.', applied_other: 'Macro “{{name}}” applied to {{count}} tickets.',
    drafted_one: 'Its reply is in the draft.', drafted_other: 'Its replies are in {{count}} drafts.',
    unfilled: 'The reply is in the draft, not sent: {{names}} could not be filled.',
    cannot: 'Not done here: {{reasons}}.',
    undo: 'Undo the whole macro',
    undone_one: 'Macro “{{name}}” undone ({{count}} change).', undone_other: 'Macro “{{name}}” undone ({{count}} changes).',
    dismiss: 'Dismiss',
    name: 'Name', key: 'Own key (a letter or digit after m)', actions: 'Actions (JSON, see the README)',
    edit: 'Edit', remove: 'Remove', add: 'New macro', save: 'Save macro', cancel: 'Cancel', reset: 'Bring back the default macros',
    export: 'Export to a file', import: 'Import from a file…', imported_one: '{{count}} macro imported.', imported_other: '{{count}} macros imported.',
    invalid: 'Not saved: {{problem}}',
  },
  guided: {
    start: 'Work this view in order',
    left_one: 'Guided: {{count}} ticket left', left_other: 'Guided: {{count}} tickets left',
    finished_one: 'Guided: done, {{count}} ticket worked', finished_other: 'Guided: done, {{count}} tickets worked',
    median: 'median {{time}} per ticket',
    skipped_one: '{{count}} skipped', skipped_other: '{{count}} skipped',
    skipped_colleague: 'a colleague has it', skipped_changed: 'changed since you started',
    stop: 'Stop (Esc)', dismiss: 'Dismiss',
  },
};
