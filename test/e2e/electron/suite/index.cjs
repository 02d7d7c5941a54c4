// Entry point @vscode/test-electron loads in the extension host: runs aisec.test.cjs with mocha and
// our reporter (which closes with "N passed, N failed").
const path = require('node:path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: require(process.env.AISEC_E2E_REPORTER) });
  mocha.addFile(path.join(__dirname, 'aisec.test.cjs'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed`)) : resolve()));
  });
};
