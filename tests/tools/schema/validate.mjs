// Validates YAML corpus files against the generated JSON Schemas with ajv: prints "FILE: valid|invalid".
// Usage: node validate.mjs SCHEMA.json FILE.yaml... (YAML read with the core schema, as editors do)
import fs from 'node:fs';
import yaml from 'js-yaml';
import Ajv from 'ajv';

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let invalid = 0;
for (const file of files) {
  let data;
  try {
    data = yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    console.log(`${file}: unparsable ${e.message.split('\n')[0]}`);
    invalid++;
    continue;
  }
  if (validate(data)) {
    console.log(`${file}: valid`);
  } else {
    invalid++;
    console.log(`${file}: invalid ${ajv.errorsText(validate.errors)}`);
  }
}
process.exit(invalid ? 1 : 0);
