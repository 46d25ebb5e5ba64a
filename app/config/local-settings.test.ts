import { describe, expect, it } from 'vitest';
import { loadLocalSettings } from './local-settings.js';
import { SettingsError } from './read-env.js';

function settingsError(run: () => unknown): SettingsError {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('loadLocalSettings', () => {
  it('listens on localhost:3000 with the simulator when nothing is set', () => {
    expect(loadLocalSettings({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      useAws: false,
      logRequests: false,
    });
  });

  it('takes every option when given', () => {
    expect(
      loadLocalSettings({
        PORT: '0',
        HOST: '0.0.0.0',
        LOCAL_USE_AWS: 'true',
        LOCAL_ASSOCIATE_SECONDS: '0.5',
        LOCAL_DISASSOCIATE_SECONDS: '0',
        LOCAL_DATA_FILE: ' .local-data.json ',
        LOCAL_LOG_REQUESTS: '1',
      }),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      useAws: true,
      associateSeconds: 0.5,
      disassociateSeconds: 0,
      dataFile: '.local-data.json',
      logRequests: true,
    });
  });

  it('treats a blank value as unset', () => {
    expect(loadLocalSettings({ PORT: '', HOST: ' ', LOCAL_USE_AWS: '' })).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      useAws: false,
    });
  });

  it.each([
    ['PORT', 'http'],
    ['PORT', '65536'],
    ['PORT', '80.5'],
    ['LOCAL_USE_AWS', 'yes'],
    ['LOCAL_ASSOCIATE_SECONDS', 'soon'],
    ['LOCAL_ASSOCIATE_SECONDS', '-1'],
    ['LOCAL_DISASSOCIATE_SECONDS', '3601'],
    ['LOCAL_LOG_REQUESTS', 'verbose'],
  ])('stops with a message naming %s when it is %j', (variable, value) => {
    const error = settingsError(() => loadLocalSettings({ [variable]: value }));
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^Setting ${variable} .*\\(got "${value}"\\)$`));
  });
});
