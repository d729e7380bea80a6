import { describe, expect, it } from 'vitest';
import { lineOf, nextLine } from '../../shared/support-lines';

const lines = { L1: 'Front desk', L2: 'Second line', L3: 'Engineering' };

describe('support lines', () => {
  it('tells a team’s line, and none for a team that is not mapped', () => {
    expect(lineOf('Second line', lines)).toBe('L2');
    expect(lineOf('Billing', lines)).toBeNull();
    expect(lineOf(undefined, lines)).toBeNull();
  });

  it('escalates one line up; from the top, nowhere', () => {
    expect(nextLine('Front desk', lines)).toEqual({ line: 'L2', team: 'Second line' });
    expect(nextLine('Second line', lines)).toEqual({ line: 'L3', team: 'Engineering' });
    expect(nextLine('Engineering', lines)).toBeNull();
  });

  it('a ticket in an unmapped team counts as first line; an unmapped line is skipped', () => {
    expect(nextLine('Billing', lines)).toEqual({ line: 'L2', team: 'Second line' });
    expect(nextLine(undefined, { L3: 'Engineering' })).toEqual({ line: 'L3', team: 'Engineering' });
    expect(nextLine('Billing', {})).toBeNull();
  });
});
