/** Words and lists the inspection screens share. */
import { categoriesOfDepartment } from '$shared/reference/categories';
import { DEPARTMENTS as ALL, type DepartmentCode } from '$shared/reference/departments';

export const DEPARTMENTS = ALL;
export const categoriesOfDepartmentLabel = (d: DepartmentCode): string[] => categoriesOfDepartment(d);
export const departmentDisplay = (code: string) => ALL.find((d) => d.code === code)?.display ?? code;
