import { account } from './account.ts'
import { assessment } from './assessment.ts'
import { admin } from './admin.ts'
import { auth } from './auth.ts'
import { common } from './common.ts'
import { components } from './components.ts'
import { documents } from './documents.ts'
import { email } from './email.ts'
import { errors } from './errors.ts'
import { questionnaire } from './questionnaire.ts'
import { support } from './support.ts'
import { twostep } from './twostep.ts'

export const th = { ...common, ...auth, ...account, ...errors, ...components, ...email, ...documents, ...support, ...admin, ...twostep, ...questionnaire, ...assessment } as const
