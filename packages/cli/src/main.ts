#!/usr/bin/env node
console.log('mlci');
