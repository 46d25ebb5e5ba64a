import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../core/model/errors.js';
import { askEventsFunction, HEALTH_EVENT } from './events-function-health.js';

describe('askEventsFunction', () => {
  it('sends the health event and reads the verdicts back', async () => {
    const sent: unknown[] = [];
    const answer = await askEventsFunction(async (event) => {
      sent.push(event);
      return {
        trigger: 'health',
        permissions: [
          { action: 'DisassociateClientVpnTargetNetwork', verdict: { outcome: 'allowed' } },
          {
            action: 'TerminateClientVpnConnections',
            verdict: { outcome: 'denied', aws: { code: 'UnauthorizedOperation', message: 'No.' } },
          },
        ],
      };
    });

    expect(sent).toEqual([{ source: 'vpn-portal.health', check: 'permissions' }]);
    expect(sent[0]).toEqual(HEALTH_EVENT);
    expect(answer).toEqual({
      outcome: 'answered',
      answers: [
        { action: 'DisassociateClientVpnTargetNetwork', verdict: { outcome: 'allowed' } },
        {
          action: 'TerminateClientVpnConnections',
          verdict: { outcome: 'denied', aws: { code: 'UnauthorizedOperation', message: 'No.' } },
        },
      ],
    });
  });

  it('does not take an answer of another shape for verdicts', async () => {
    const answer = await askEventsFunction(async () => ({
      trigger: 'sweep',
      decision: { action: 'nothing' },
    }));
    expect(answer).toMatchObject({ outcome: 'error', aws: { code: 'UnexpectedAnswer' } });

    const unknownAction = await askEventsFunction(async () => ({
      trigger: 'health',
      permissions: [{ action: 'DeleteClientVpnEndpoint', verdict: { outcome: 'allowed' } }],
    }));
    expect(unknownAction).toMatchObject({ outcome: 'error', aws: { code: 'UnexpectedAnswer' } });
  });

  it('answers a function that cannot be invoked in AWS’s words', async () => {
    const answer = await askEventsFunction(async () => {
      throw new AwsCallError('Invoke', 'rejected', 'Invoke: AWS refused the request', {
        cause: Object.assign(new Error('not authorized to perform: lambda:InvokeFunction'), {
          name: 'AccessDeniedException',
        }),
      });
    });
    expect(answer).toEqual({
      outcome: 'error',
      aws: {
        code: 'AccessDeniedException',
        message: 'not authorized to perform: lambda:InvokeFunction',
      },
    });
  });
});
