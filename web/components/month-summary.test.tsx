import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderIn } from '../testing/render';
import { MonthSummary } from './month-summary';

afterEach(cleanup);

describe('MonthSummary', () => {
  it('shows a short first session of the month in hundredths of an hour, not as 0', () => {
    renderIn(
      'en',
      <MonthSummary
        month={{
          since: '2026-11-01T00:00:00.000Z',
          associationHours: 0.03,
          connectionHours: 0,
          costUsd: 0,
          alwaysOnCostUsd: 134.79,
          days: [{ date: '2026-11-01', associationHours: 0.03, costUsd: 0 }],
        }}
      />,
    );
    expect(screen.getByText('0.03')).toBeTruthy();
  });
});
