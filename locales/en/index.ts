import { common } from './common.ts'
import { components } from './components.ts'
import { errors } from './errors.ts'

export const en = { ...common, ...errors, ...components } as const
