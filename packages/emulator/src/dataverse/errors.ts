/** A Dataverse Web API error: the message text Dataverse answers, its error code and HTTP status. */
export class DataverseError extends Error {
  override readonly name = 'DataverseError';
  constructor(
    message: string,
    /** Dataverse error code, e.g. `0x80040217` (record not found). */
    readonly code: string,
    /** HTTP status the Web API would answer. */
    readonly status: number,
  ) {
    super(message);
  }
}

export const notFound = (entity: string, id: string) =>
  new DataverseError(`Entity '${entity}' With Id = ${id} Does Not Exist`, '0x80040217', 404);

export const unknownEntity = (name: string) =>
  new DataverseError(
    `The entity with a name = '${name}' with namemapping = 'Logical' was not found in the MetadataCache.`,
    '0x80041102',
    404,
  );

export const unknownProperty = (name: string, entity: string) =>
  new DataverseError(
    `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${entity}'.`,
    '0x80060888',
    400,
  );

export const undeclaredProperty = (name: string, entity: string) =>
  new DataverseError(
    `The property '${name}' does not exist on type 'Microsoft.Dynamics.CRM.${entity}'. Make sure to only use property names that are defined by the type.`,
    '0x80060888',
    400,
  );

export const badQuery = (message: string) => new DataverseError(message, '0x80060888', 400);

export const badGuid = (value: string) =>
  new DataverseError(
    `Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx). Value: '${value.slice(0, 80)}'`,
    '0x80040203',
    400,
  );
