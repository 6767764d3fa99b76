import { plural } from '../../localize/plural.js';
import type { CifContactCardTerms } from '../../localize/terms/contact-card.js';

/** `<cif-contact-card>` in Portuguese (Brazil). */
export const contactCard = {
  cardLabel: 'Contato',
  cardEmpty: 'Nenhuma chamada',
  cardError: 'Não foi possível carregar o contato',
  cardActionFailed: 'Não funcionou. Tente novamente.',
  cardMatches: (count) =>
    plural('pt-BR', count, {
      one: '# registro corresponde a este número',
      other: '# registros correspondem a este número',
    }),
  cardChoose: 'Escolha quem está ligando',
  cardOtherMatches: (count) =>
    plural('pt-BR', count, {
      one: 'Não é esta pessoa? # correspondência',
      other: 'Não é esta pessoa? # correspondências',
    }),
  cardChosen: (name) => `${name} selecionado`,
  cardOpen: (name) => `Abrir ${name} no Dynamics 365`,
  cardCreate: 'Criar contato',
  cardSearch: 'Pesquisar',
  cardCall: (type, number) => `Ligar para ${number} (${type.toLocaleLowerCase('pt-BR')})`,
  cardCopy: (type, number) => `Copiar o número ${number} (${type.toLocaleLowerCase('pt-BR')})`,
  cardCopied: (number) => `${number} copiado`,
  cardCopyFailed: 'Não foi possível copiar o número',
  cardPhone: 'Telefone',
  cardPhoneBusiness: 'Comercial',
  cardPhoneMobile: 'Celular',
  cardPhoneHome: 'Residencial',
  cardPhoneFax: 'Fax',
  cardPhoneOther: 'Outro',
  cardEmail: 'Email',
  cardAddress: 'Endereço',
  cardLocalTime: 'Hora local',
  cardVip: 'VIP',
  cardDoNotCall: 'Não ligar',
  cardContact: 'Contato',
  cardAccount: 'Conta',
  cardLead: 'Cliente potencial',
  cardActivity: 'Atividade recente',
  cardNoActivity: 'Nenhuma atividade recente',
  cardActivityFailed: 'Não foi possível carregar a atividade recente',
  cardPhoneCall: 'Telefonema',
  cardCase: 'Ocorrência',
  cardOtherActivity: 'Atividade',
} as const satisfies CifContactCardTerms;
