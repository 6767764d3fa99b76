// Coverage of this package alone (the root run reports every package's files that a test loads):
//   npx wtr --config packages/softphone/test/wtr-coverage.config.mjs
import root from '../../../web-test-runner.config.mjs';

export default {
  ...root,
  files: ['packages/softphone/src/**/*.test.ts'],
  coverageConfig: {
    ...root.coverageConfig,
    reportDir: 'packages/softphone/coverage',
    include: ['packages/softphone/src/**/*.ts'],
  },
};
