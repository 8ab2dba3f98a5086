import { hello } from '@mlci/action-kit';
import { worstStatus } from '@mlci/core';
hello();
console.log(worstStatus(['pass', 'warn']));
