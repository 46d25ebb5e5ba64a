import { describe, expect, it } from 'vitest';
import { oracleAssociationHours } from './month-oracle.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-03T00:00:00Z');
const options = { associateMinutes: 5, idleTimeoutMinutes: 30, subnets: 1 };
const at = (minutes: number) => T0 + minutes * MINUTE;

describe('the month oracle', () => {
  it('needs nothing without a tap', () => {
    expect(oracleAssociationHours([], options)).toBe(0);
  });

  it('gives a tap nobody used the association time and the idle timeout', () => {
    const hours = oracleAssociationHours([{ tapAt: at(0), lastUseAt: at(0) }], options);
    expect(hours).toBeCloseTo(35 / 60);
  });

  it('runs from the tap to the last real use plus the idle timeout', () => {
    const hours = oracleAssociationHours([{ tapAt: at(0), lastUseAt: at(95) }], options);
    expect(hours).toBeCloseTo(125 / 60);
  });

  it('pays overlapping needs once and separate ones each, per subnet', () => {
    const uses = [
      { tapAt: at(0), lastUseAt: at(60) }, // needs 0–90
      { tapAt: at(30), lastUseAt: at(100) }, // 30–130: overlaps the first
      { tapAt: at(300), lastUseAt: at(300) }, // 300–335: on its own
    ];
    expect(oracleAssociationHours(uses, options)).toBeCloseTo((130 + 35) / 60);
    expect(oracleAssociationHours(uses, { ...options, subnets: 2 })).toBeCloseTo(
      (2 * (130 + 35)) / 60,
    );
    // The order of the uses does not matter.
    expect(oracleAssociationHours([...uses].reverse(), options)).toBeCloseTo((130 + 35) / 60);
  });

  it('joins needs that touch', () => {
    const uses = [
      { tapAt: at(0), lastUseAt: at(0) }, // 0–35
      { tapAt: at(35), lastUseAt: at(35) }, // 35–70
    ];
    expect(oracleAssociationHours(uses, options)).toBeCloseTo(70 / 60);
  });
});
