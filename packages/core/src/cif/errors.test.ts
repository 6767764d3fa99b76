import { expect } from '@open-wc/testing';
import {
  CIF_ERROR_CODES,
  CIF_TIMEOUT_MESSAGE,
  CifError,
  classifyCifMessage,
  isCifError,
  toCifError,
} from '../index.js';

describe('CifError', () => {
  it('reads the JSON-string rejection {message, msdyn_name}', () => {
    const error = toCifError(
      '{"message":"contact With Id = 1 Does Not Exist","msdyn_name":"RetrieveRecord"}',
      'retrieveRecord',
    );
    expect(error).to.be.instanceOf(CifError);
    expect(error).to.be.instanceOf(Error);
    expect(error).to.include({
      code: 'not-found',
      api: 'retrieveRecord',
      message: 'contact With Id = 1 Does Not Exist',
      hostName: 'RetrieveRecord',
      name: 'CifError',
    });
  });

  it('reads the argument-validation JSON string {message} as validation', () => {
    expect(toCifError('{"message":"Something about the input"}', 'createRecord').code).to.equal(
      'validation',
    );
  });

  it('reads the Map rejection', () => {
    const raw = new Map([
      ['message', 'Session with id s1 does not exist'],
      ['msdyn_name', 'GetSession'],
    ]);
    const error = toCifError(raw, 'getSession');
    expect(error).to.include({ code: 'not-found', hostName: 'GetSession', raw });
  });

  it('reads the documented {errorCode, message} object', () => {
    const error = toCifError({ errorCode: 12, message: 'Template not found' }, 'createTab');
    expect(error).to.include({ code: 'template-not-found', hostErrorCode: 12 });
  });

  it('reads Errors, keeping them as the cause', () => {
    const cause = new TypeError('Cannot read properties of undefined');
    const error = toCifError(cause, 'getMode');
    expect(error).to.include({ code: 'unknown', message: 'Cannot read properties of undefined' });
    expect(error.cause).to.equal(cause);
  });

  it('reads the host timeout text in any shape', () => {
    expect(toCifError(CIF_TIMEOUT_MESSAGE, 'getEnvironment').code).to.equal('timeout');
    expect(toCifError(JSON.stringify({ message: CIF_TIMEOUT_MESSAGE }), 'openForm').code).to.equal(
      'timeout',
    );
    expect(toCifError(new Map([['message', CIF_TIMEOUT_MESSAGE]]), 'setMode').code).to.equal(
      'timeout',
    );
    expect(toCifError(new Error(CIF_TIMEOUT_MESSAGE), 'setMode').code).to.equal('timeout');
  });

  it('classifies documented and observed host messages', () => {
    const cases: [string, string | undefined][] = [
      [
        'Sender domain is not a recognised or is invalid and hence the message cant be processed',
        'sender-not-trusted',
      ],
      ['NotificationTemplateNotFoundError', 'template-not-found'],
      ['RejectAfterClientError', 'notification-failed'],
      ['The maximum number of sessions has been reached', 'session-limit'],
      ['Principal user is missing prvCreatePhoneCall privilege', 'permission-denied'],
      ['The value passed for entityName is invalid', 'validation'],
      ['Operation failed 0x80040217', 'not-found'],
      ['Everything is fine', undefined],
    ];
    for (const [message, code] of cases)
      expect(classifyCifMessage(message), message).to.equal(code);
  });

  it('reads the OData error envelope and nested values', () => {
    expect(
      toCifError({ error: { code: '0x80040217', message: 'Record not found' } }, 'retrieveRecord'),
    ).to.include({
      code: 'not-found',
      hostErrorCode: '0x80040217',
    });
    expect(toCifError({ value: '{"message":"bad request"}' }, 'openForm').message).to.equal(
      'bad request',
    );
    expect(toCifError({ errorMsg: 'Denied: access is denied' }, 'openForm').code).to.equal(
      'permission-denied',
    );
    expect(toCifError({ error: 'plain' }, 'openForm').message).to.equal('plain');
    expect(toCifError({}, 'openForm').message).to.equal('openForm failed without a message');
  });

  it('never throws, whatever the value', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        has() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    const getter = Object.defineProperty({}, 'message', {
      get() {
        throw new Error('getter');
      },
    });
    const weirdError = new Error('x');
    Object.defineProperty(weirdError, 'message', {
      get() {
        throw new Error('getter');
      },
    });
    for (const raw of [
      hostile,
      getter,
      weirdError,
      null,
      undefined,
      0,
      Symbol('s'),
      () => 1,
      '',
      '   ',
      '{',
      '{"message":5}',
      [1],
    ]) {
      const error = toCifError(raw, 'getMode');
      expect(isCifError(error)).to.equal(true);
      expect(CIF_ERROR_CODES).to.include(error.code);
      expect(error.message).to.be.a('string').and.not.equal('');
    }
    expect(toCifError('{"message":5}', 'getMode').message).to.equal('5');
  });

  it('passes a CifError through unchanged and recognises one by brand or code', () => {
    const original = new CifError('timeout', 'getMode', 'late');
    expect(toCifError(original, 'setMode')).to.equal(original);
    expect(CifError.from(original, 'setMode')).to.equal(original);
    expect(isCifError(original, 'timeout')).to.equal(true);
    expect(isCifError(original, 'validation')).to.equal(false);
    const foreign = Object.assign(new Error('copy'), { code: 'timeout' });
    Object.defineProperty(foreign, Symbol.for('cif-elements.CifError'), { value: true });
    expect(isCifError(foreign, 'timeout')).to.equal(true);
    expect(isCifError(new Error('x'))).to.equal(false);
    expect(isCifError('x')).to.equal(false);
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(isCifError(hostile)).to.equal(false);
  });
});
