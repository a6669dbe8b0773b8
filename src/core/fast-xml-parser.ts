// fast-xml-parser through its CommonJS build: that is one bundled file, where the ES module build is some twenty
// files that Node resolves, reads and compiles one by one (13 ms against 62 ms here, a fifth of the time
// `xacct serve` takes to be ready). The package ships both builds of the same version.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export const { XMLParser, XMLValidator } = load('fast-xml-parser') as typeof import('fast-xml-parser');
