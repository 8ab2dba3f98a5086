export { readDvcYaml, type DvcYaml } from './dvc-yaml.js';
