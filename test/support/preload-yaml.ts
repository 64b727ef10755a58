// Vitest setup (vitest.config.ts): the notification settings load their YAML parser only when a YAML input is
// set (src/notify/settings.ts does it before resolving); the many unit tests that call resolveNotifySettings
// directly, synchronously, with `webhooks` or `webhook-headers`, get it loaded here, once per test file.
// yaml-parser.ts imports nothing else, so the modules a test mocks are still loaded after its mocks.
import { loadYamlParser } from '../../src/notify/yaml-parser.js';

await loadYamlParser();
