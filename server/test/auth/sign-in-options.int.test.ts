import { afterAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_MODE, type TestApi } from '../kit';

const OPTIONS = '{ signInOptions { googleClientId passkeys } }';

describe(`how a person can sign in (${TEST_MODE})`, () => {
  const apis: TestApi[] = [];
  afterAll(async () => {
    for (const api of apis) await api.stop();
  });

  it('says, without a token, whether Google sign-in is on and with which client id', async () => {
    const plain = await startTestApi();
    apis.push(plain);
    expect((await plain.graphql(OPTIONS)).data).toEqual({
      signInOptions: { googleClientId: null, passkeys: true },
    });
    const withGoogle = await startTestApi({
      config: { GOOGLE_CLIENT_ID: 'pace-test.apps.googleusercontent.com' },
    });
    apis.push(withGoogle);
    expect((await withGoogle.graphql(OPTIONS)).data).toEqual({
      signInOptions: { googleClientId: 'pace-test.apps.googleusercontent.com', passkeys: true },
    });
  });
});
