import { describe, expect, it } from 'vitest';
import { fill, insertParagraph, languageOf, unfilled, withSignature } from '../../shared/templates';

const vars = { customer: { name: 'Anna Smirnova', email: 'anna@example.ru' }, ticket: { id: '42', subject: 'Refund' }, agent: { name: '' } };

describe('templates as the customer receives them', () => {
  it('a placeholder that cannot be filled stays visible and is named, so the reply is not sent with it', () => {
    const text = fill('Hello {{customer.firstName}},\n\nBest regards,\n{{agent.name}} {{ agent.title }}', withSignature(vars, ''));
    expect(text).toBe('Hello Anna,\n\nBest regards,\n{{agent.name}} {{ agent.title }}');
    expect(unfilled(text)).toEqual(['{{agent.name}}', '{{ agent.title }}']);
    expect(unfilled(fill('{{agent.signature}}', withSignature({ ...vars, agent: { name: 'Maria' } }, 'Best regards,\n{{agent.name}}')))).toEqual([]);
  });

  it('an inserted template is a paragraph of its own wherever the cursor is', () => {
    expect(insertParagraph('', 0, 'Hello Anna,')).toEqual({ text: 'Hello Anna,', cursor: 11 });
    expect(insertParagraph('The export failed at 50% for CSV.', 33, 'I am sorry.').text).toBe('The export failed at 50% for CSV.\n\nI am sorry.');
    const middle = insertParagraph('First.\n\nLast.', 6, 'Second.');
    expect(middle.text).toBe('First.\n\nSecond.\n\nLast.');
    expect(middle.cursor).toBe('First.\n\nSecond.'.length);
  });
});

describe('the language a customer writes in', () => {
  it('is Russian when their messages are mostly Cyrillic, whatever the subject or a quoted English line', () => {
    expect(languageOf(['Здравствуйте! Не приходит счёт за ноябрь.', '> On Monday, Support wrote: Hello'])).toBe('ru');
    expect(languageOf(['Hi, the invoice for November is missing.'])).toBe('en');
    expect(languageOf([])).toBe('en');
  });
});

describe('greeting a customer whose name is unknown', () => {
  it('leaves the placeholder (so the reply is stopped) rather than greeting an address', () => {
    const vars = { customer: { name: 'ivan@example.test', email: 'ivan@example.test' }, ticket: { id: '2', subject: 'x' }, agent: { name: 'Maria', signature: '' } };
    const text = fill('Здравствуйте, {{customer.firstName}}!', vars);
    expect(text).toBe('Здравствуйте, {{customer.firstName}}!');
    expect(unfilled(text)).toEqual(['{{customer.firstName}}']);
    expect(fill('Hello {{customer.firstName}},', { ...vars, customer: { name: 'Иван Петров', email: 'ivan@example.test' } })).toBe('Hello Иван,');
  });
});
