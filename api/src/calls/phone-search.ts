import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

/** A list's `search`: the first digits of a number, the + optional, as far as a whole E.164 number; empty finds all. */
export function IsPhoneSearch(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example: '+1415', description: 'Numbers starting with these digits (E.164, the + optional): a prefix or a whole number' }),
    IsOptional(),
    Matches(/^\+?\d{0,15}$/, { message: 'search must be the first digits of a number, the + optional' }),
    IsString(),
  );
}

/** The E.164 prefix a search asks for; undefined for none. */
export function phonePrefixOf(search: string | undefined): string | undefined {
  const digits = search?.replace(/^\+/, '');
  return digits ? `+${digits}` : undefined;
}
