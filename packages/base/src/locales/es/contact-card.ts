import { plural } from '../../localize/plural.js';
import type { CifContactCardTerms } from '../../localize/terms/contact-card.js';

/** `<cif-contact-card>` in Spanish. */
export const contactCard = {
  cardLabel: 'Contacto',
  cardEmpty: 'Sin llamante',
  cardError: 'No se pudo cargar el contacto',
  cardActionFailed: 'No ha funcionado. Inténtelo de nuevo.',
  cardMatches: (count) =>
    plural('es', count, {
      one: '# registro coincide con este número',
      other: '# registros coinciden con este número',
    }),
  cardChoose: 'Elija al llamante',
  cardOtherMatches: (count) =>
    plural('es', count, {
      one: '¿No es este llamante? # coincidencia',
      other: '¿No es este llamante? # coincidencias',
    }),
  cardChosen: (name) => `${name} seleccionado`,
  cardOpen: (name) => `Abrir ${name} en Dynamics 365`,
  cardCreate: 'Crear contacto',
  cardSearch: 'Buscar',
  cardCall: (type, number) => `Llamar al ${number} (${type.toLocaleLowerCase('es')})`,
  cardCopy: (type, number) => `Copiar el número ${number} (${type.toLocaleLowerCase('es')})`,
  cardCopied: (number) => `${number} copiado`,
  cardCopyFailed: 'No se pudo copiar el número',
  cardPhone: 'Teléfono',
  cardPhoneBusiness: 'Trabajo',
  cardPhoneMobile: 'Móvil',
  cardPhoneHome: 'Particular',
  cardPhoneFax: 'Fax',
  cardPhoneOther: 'Otro',
  cardEmail: 'Correo electrónico',
  cardAddress: 'Dirección',
  cardLocalTime: 'Hora local',
  cardVip: 'VIP',
  cardDoNotCall: 'No llamar',
  cardContact: 'Contacto',
  cardAccount: 'Cuenta',
  cardLead: 'Cliente potencial',
  cardActivity: 'Actividad reciente',
  cardNoActivity: 'Sin actividad reciente',
  cardActivityFailed: 'No se pudo cargar la actividad reciente',
  cardPhoneCall: 'Llamada de teléfono',
  cardCase: 'Caso',
  cardOtherActivity: 'Actividad',
} as const satisfies CifContactCardTerms;
