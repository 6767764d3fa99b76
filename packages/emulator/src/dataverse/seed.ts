/**
 * The built-in data set: an international customer base with phone numbers the way people really type
 * them (E.164, national, dotted, with trunk prefixes, extensions, 00-prefixes), shared switchboard and
 * household numbers, and duplicates — the cases a caller-lookup must survive. All numbers are in ranges
 * reserved for fiction or unassigned (555-01xx in NANP, Ofcom's drama ranges, …).
 */

const id = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const accountId = (n: number) => id('a0000000', n);
export const contactId = (n: number) => id('c0000000', n);
export const leadId = (n: number) => id('1ead0000', n);
export const incidentId = (n: number) => id('ca5e0000', n);
export const phonecallId = (n: number) => id('ca110000', n);
export const userId = (n: number) => id('5e500000', n);
export const articleId = (n: number) => id('cb000000', n);

type AccountRow = [name: string, city: string, country: string, phone: string, industry: number, employees: number, web: string];

const accounts: AccountRow[] = [
  ['Contoso Pharmaceuticals', 'Seattle', 'United States', '+1 (206) 555-0100', 19, 5400, 'https://contoso.example'],
  ['Fabrikam Ltd', 'London', 'United Kingdom', '020 7946 0000', 7, 820, 'https://fabrikam.example'],
  ['Northwind Traders', 'Berlin', 'Germany', '+49 30 5550 1820', 25, 310, 'https://northwind.example'],
  ['Adventure Works Cycles', 'Sydney', 'Australia', '(02) 5550 1234', 19, 1200, 'https://adventure-works.example'],
  ['Tailspin Toys', 'Toronto', 'Canada', '416-555-0142', 25, 95, 'https://tailspintoys.example'],
  ['Wide World Importers', 'Mumbai', 'India', '+91 22 5550 1200', 33, 2300, 'https://wideworldimporters.example'],
  ['Litware, Inc.', 'Paris', 'France', '+33 1 55 50 12 00', 29, 150, 'https://litware.example'],
  ['Alpine Ski House', 'Zürich', 'Switzerland', '+41 44 555 18 00', 25, 60, 'https://alpineskihouse.example'],
  ['Coho Winery', 'Madrid', 'Spain', '+34 915 550 178', 19, 45, 'https://cohowinery.example'],
  ['Blue Yonder Airlines', 'Tokyo', 'Japan', '03-5550-1234', 33, 8800, 'https://blueyonderairlines.example'],
  ["Margie's Travel", 'São Paulo', 'Brazil', '+55 11 5555-0123', 33, 120, 'https://margiestravel.example'],
  ['Proseware, Inc.', 'Mexico City', 'Mexico', '+52 55 5555 0199', 7, 400, 'https://proseware.example'],
  ['Woodgrove Bank', 'New York', 'United States', '212.555.0175', 12, 15000, 'https://woodgrovebank.example'],
  ['Trey Research', 'Dublin', 'Ireland', '+353 1 555 0142', 7, 210, 'https://treyresearch.example'],
  ['Lucerne Publishing', 'Amsterdam', 'Netherlands', '+31 20 555 0123', 1, 75, 'https://lucernepublishing.example'],
  ['Humongous Insurance', 'Johannesburg', 'South Africa', '+27 11 555 0100', 12, 3100, 'https://humongousinsurance.example'],
  ['Fourth Coffee', 'Seoul', 'South Korea', '02-555-0123', 25, 640, 'https://fourthcoffee.example'],
  ['Relecloud', 'Dubai', 'United Arab Emirates', '+971 4 555 0100', 29, 180, 'https://relecloud.example'],
  ['VanArsdel, Ltd.', 'Stockholm', 'Sweden', '08-555 012 34', 19, 530, 'https://vanarsdel.example'],
  ['First Up Consultants', 'Warsaw', 'Poland', '+48 22 555 01 23', 7, 88, 'https://firstupconsultants.example'],
];

/** first, last, account (1-based, 0 none), job, business, mobile, home, city, country */
type ContactRow = [string, string, number, string, string | null, string | null, string | null, string, string];

const contacts: ContactRow[] = [
  ['Alex', 'Baker', 1, 'Purchasing Manager', '+1 (206) 555-0100', '619-555-0129', null, 'Seattle', 'United States'],
  ['Jordan', 'Rivera', 1, 'Head of Procurement', '206-555-0100', '+1 206 555 0131', null, 'Seattle', 'United States'],
  ['Samantha', 'Lee', 1, 'Lab Director', '+1 206 555 0102 ext. 214', '(425) 555-0133', null, 'Redmond', 'United States'],
  ['Marcus', 'Johnson', 1, 'CFO', '+12065550103', null, '(206) 555-0177', 'Seattle', 'United States'],
  ['Olivia', 'Johnson', 0, '', null, '+1 (206) 555-0178', '(206) 555-0177', 'Seattle', 'United States'],
  ['Oliver', 'Thompson', 2, 'Managing Director', '020 7946 0000', '07700 900123', null, 'London', 'United Kingdom'],
  ['Amelia', 'Hughes', 2, 'Account Executive', '+44 20 7946 0958', '+44 7700 900456', null, 'London', 'United Kingdom'],
  ['Siobhán', 'Ní Bhriain', 2, 'Consultant', '+44 (0)20 7946 0011', '0044 7700 900789', null, 'Manchester', 'United Kingdom'],
  ['Harry', 'Patel', 2, 'IT Manager', '0113 496 0000', '07700 900321', null, 'Leeds', 'United Kingdom'],
  ['Maria', 'García', 2, 'Office Manager', '020 7946 0000', '+44 7700 900654', null, 'London', 'United Kingdom'],
  ['Jürgen', 'Müller', 3, 'Geschäftsführer', '+49 30 5550 1820', '+49 151 55501234', null, 'Berlin', 'Germany'],
  ['Anna', 'Schmidt', 3, 'Einkauf', '030 55501821', '0151 5550 4321', null, 'Berlin', 'Germany'],
  ['Lukas', 'Weber', 3, 'Logistik', '+49 (0)30 5550-1822', '0049 160 5550 9876', null, 'Potsdam', 'Germany'],
  ['Maria', 'García', 3, 'Export Manager', '+49 30 5550 1823', '+34 612 55 50 12', null, 'Berlin', 'Germany'],
  ['Charlotte', 'Nguyen', 4, 'Operations Lead', '(02) 5550 1234', '0491 570 156', null, 'Sydney', 'Australia'],
  ['Jack', "O'Connor", 4, 'Fleet Manager', '+61 2 5550 1235', '+61 491 570 157', null, 'Sydney', 'Australia'],
  ['Liam', 'Tremblay', 5, 'Owner', '416-555-0142', '(647) 555-0110', null, 'Toronto', 'Canada'],
  ['Chloé', 'Gagnon', 5, 'Designer', '+1 416 555 0143', '+1 (514) 555-0111', null, 'Montréal', 'Canada'],
  ['Priya', 'Sharma', 6, 'Director of Imports', '+91 22 5550 1200', '+91 98765 43210', null, 'Mumbai', 'India'],
  ['Arjun', 'Mehta', 6, 'Finance Controller', '022 5550 1201', '098765 43211', null, 'Mumbai', 'India'],
  ['अनिल', 'कुमार', 6, 'Warehouse Supervisor', null, '+91-98765-43212', null, 'Delhi', 'India'],
  ['Camille', 'Dubois', 7, 'Directrice commerciale', '+33 1 55 50 12 00', '06 12 34 56 78', null, 'Paris', 'France'],
  ['Théo', 'Lefèvre', 7, 'Ingénieur', '01 55 50 12 01', '+33 6 12 34 56 79', null, 'Lyon', 'France'],
  ['Léa', 'Martin', 0, '', null, '+33 (0)6 98 76 54 32', '04 72 55 50 13', 'Lyon', 'France'],
  ['Nina', 'Keller', 8, 'Geschäftsleitung', '+41 44 555 18 00', '+41 79 555 12 34', null, 'Zürich', 'Switzerland'],
  ['Luca', 'Rossi', 8, 'Ski Instructor', '044 555 18 01', '+39 347 555 0123', null, 'Zermatt', 'Switzerland'],
  ['Sofía', 'Hernández', 9, 'Enóloga', '+34 915 550 178', '+34 612 555 019', null, 'Madrid', 'Spain'],
  ['Javier', 'López', 9, 'Ventas', '915 550 179', '612 555 020', null, 'Valencia', 'Spain'],
  ['Haruto', 'Sato', 10, '部長', '03-5550-1234', '090-5550-1234', null, 'Tokyo', 'Japan'],
  ['さくら', '田中', 10, 'Customer Relations', '+81 3-5550-1235', '+81 90-5550-5678', null, 'Tokyo', 'Japan'],
  ['Yuki', 'Tanaka', 10, 'Pilot Scheduling', '+81355501236', null, null, 'Osaka', 'Japan'],
  ['João', 'Silva', 11, 'Gerente', '+55 11 5555-0123', '+55 11 95555-0124', null, 'São Paulo', 'Brazil'],
  ['Ana', 'Souza', 11, 'Agente de viagens', '(11) 5555-0125', '(21) 95555-0126', null, 'Rio de Janeiro', 'Brazil'],
  ['Diego', 'Ramírez', 12, 'Director de TI', '+52 55 5555 0199', '+52 1 55 5555 0200', null, 'Mexico City', 'Mexico'],
  ['Valentina', 'Cruz', 12, 'Analista', '55 5555 0201', null, null, 'Guadalajara', 'Mexico'],
  ['William', 'Chen', 13, 'Relationship Manager', '212.555.0175', '917.555.0176', null, 'New York', 'United States'],
  ['Emily', 'Davis', 13, 'Compliance Officer', '(212) 555-0175', '+1-917-555-0177', null, 'New York', 'United States'],
  ['John', 'Smith', 13, 'Branch Manager', '212-555-0180', '(646) 555-0181', null, 'Brooklyn', 'United States'],
  ['John', 'Smith', 0, '', null, '+1 646 555 0181', null, 'Brooklyn', 'United States'],
  ['Aoife', 'Murphy', 14, 'Research Lead', '+353 1 555 0142', '+353 85 555 0143', null, 'Dublin', 'Ireland'],
  ['Seán', 'Byrne', 14, 'Data Scientist', '01 555 0144', '085 555 0145', null, 'Cork', 'Ireland'],
  ['Daan', 'de Vries', 15, 'Uitgever', '+31 20 555 0123', '+31 6 5555 0124', null, 'Amsterdam', 'Netherlands'],
  ['Sanne', 'Jansen', 15, 'Redacteur', '020-555 0125', '06-5555 0126', null, 'Utrecht', 'Netherlands'],
  ['Thabo', 'Nkosi', 16, 'Claims Manager', '+27 11 555 0100', '+27 82 555 0101', null, 'Johannesburg', 'South Africa'],
  ['Naledi', 'Dlamini', 16, 'Underwriter', '011 555 0102', '082 555 0103', null, 'Pretoria', 'South Africa'],
  ['Min-jun', 'Kim', 17, 'Store Manager', '02-555-0123', '010-5555-0124', null, 'Seoul', 'South Korea'],
  ['서연', '박', 17, 'Barista Trainer', '+82 2-555-0125', '+82 10-5555-0126', null, 'Busan', 'South Korea'],
  ['Omar', 'Al-Farsi', 18, 'Cloud Architect', '+971 4 555 0100', '+971 50 555 0101', null, 'Dubai', 'United Arab Emirates'],
  ['ليلى', 'حداد', 18, 'Project Manager', '04 555 0102', '050 555 0103', null, 'Abu Dhabi', 'United Arab Emirates'],
  ['Erik', 'Lindqvist', 19, 'VD', '08-555 012 34', '070-555 01 23', null, 'Stockholm', 'Sweden'],
  ['Astrid', 'Karlsson', 19, 'Inköpare', '+46 8 555 012 35', '+46 70 555 01 24', null, 'Göteborg', 'Sweden'],
  ['Katarzyna', 'Nowak', 20, 'Konsultantka', '+48 22 555 01 23', '+48 600 555 012', null, 'Warszawa', 'Poland'],
  ['Piotr', 'Wiśniewski', 20, 'Partner', '22 555 01 24', '600 555 013', null, 'Kraków', 'Poland'],
  ['Дмитрий', 'Иванов', 0, '', null, '+7 916 555-01-23', null, 'Riga', 'Latvia'],
  ['Γιώργος', 'Παπαδόπουλος', 0, '', null, '+30 69 5550 1234', null, 'Athens', 'Greece'],
  ['Fatima', 'Zahra', 0, '', null, '+212 6 55 50 12 34', null, 'Casablanca', 'Morocco'],
  ['Kwame', 'Mensah', 0, '', null, '+233 24 555 0123', null, 'Accra', 'Ghana'],
  ['Mia', 'Wong', 0, '', null, '+852 5555 0123', null, 'Hong Kong', 'Hong Kong SAR'],
];

const users: [string, string, string, string][] = [
  ['Avery', 'Agent', 'Customer Service Agent', '+1 425 555 0190'],
  ['Blake', 'Supervisor', 'Contact Center Supervisor', '+1 425 555 0191'],
  ['Casey', 'Specialist', 'Tier 2 Specialist', '+44 20 7946 0190'],
];

const slug = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');

/** The built-in rows, in Web API JSON per entity, for {@link Dataverse}'s seed option. */
export function defaultSeed(signedInUser?: { id: string; name: string; email: string }): Record<string, Record<string, unknown>[]> {
  const account = accounts.map(([name, city, country, phone, industry, employees, web], i) => {
    const primary = contacts.findIndex((c) => c[2] === i + 1);
    return {
      accountid: accountId(i + 1),
      name,
      accountnumber: `AC-${String(10001 + i)}`,
      telephone1: phone,
      address1_city: city,
      address1_country: country,
      industrycode: industry,
      numberofemployees: employees,
      websiteurl: web,
      emailaddress1: `info@${new URL(web).hostname}`,
      ...(primary >= 0 ? { 'primarycontactid@odata.bind': `/contacts(${contactId(primary + 1)})` } : {}),
    };
  });
  const contact = contacts.map(([first, last, acct, job, business, mobile, home, city, country], i) => ({
    contactid: contactId(i + 1),
    firstname: first,
    lastname: last,
    jobtitle: job || null,
    telephone1: business,
    mobilephone: mobile,
    telephone2: home,
    emailaddress1: `${slug(first) || 'contact'}.${slug(last) || String(i + 1)}@${acct ? new URL((accounts[acct - 1] as AccountRow)[6]).hostname : 'mail.example'}`,
    address1_city: city,
    address1_country: country,
    preferredcontactmethodcode: mobile ? 3 : 1,
    ...(acct ? { 'parentcustomerid_account@odata.bind': `/accounts(${accountId(acct)})` } : {}),
  }));
  const lead = [
    ['Fleet telematics pilot', 'Hannah', 'Fischer', 'Globex Logistik', '+49 89 5550 7710', '+49 171 5550 7711', 'Germany'],
    ['Branch phones refresh', 'Noah', 'Williams', 'Initech', '(512) 555-0150', '(512) 555-0151', 'United States'],
    ['Call recording compliance', 'Isabella', 'Moreau', 'Soylent Europe', '+33 4 55 50 77 10', '06 55 50 77 11', 'France'],
    ['Contact center expansion', 'Ravi', 'Iyer', 'Umbrella India', '+91 80 5550 7710', '+91 99000 55501', 'India'],
    ['Returning customer', 'Alex', 'Baker', 'Contoso Pharmaceuticals', null, '619-555-0129', 'United States'],
    ['Hotline outsourcing', 'Kenji', 'Watanabe', 'Oscorp Japan', '06-5550-7710', '080-5550-7711', 'Japan'],
  ].map(([subject, first, last, company, business, mobile, country], i) => ({
    leadid: leadId(i + 1),
    subject,
    firstname: first,
    lastname: last,
    companyname: company,
    telephone1: business,
    mobilephone: mobile,
    address1_country: country,
    leadsourcecode: i % 2 ? 8 : 10,
  }));
  const incident = [
    ['Shipment arrived damaged', 1, 1, 1],
    ['Invoice shows wrong VAT number', 2, 7, 2],
    ['Cannot log in to the partner portal', 3, 11, 2],
    ['Request for a callback about the renewal', 13, 36, 3],
    ['Ski rental booking lost', 8, 25, 1],
    ['Flight change fee dispute', 10, 29, 2],
    ['Card blocked while travelling', 13, 38, 1],
    ['Wine order delayed at customs', 9, 27, 3],
  ].map(([title, acct, cont, priority], i) => ({
    incidentid: incidentId(i + 1),
    title,
    prioritycode: priority,
    caseorigincode: i % 3 === 0 ? 1 : 2,
    description: `Reported by phone. Reference ${1000 + i}.`,
    'customerid_account@odata.bind': `/accounts(${accountId(acct as number)})`,
    'primarycontactid@odata.bind': `/contacts(${contactId(cont as number)})`,
  }));
  const me = signedInUser ?? { id: userId(1), name: 'Avery Agent', email: 'avery.agent@contoso.example' };
  const [meFirst, ...meRest] = me.name.split(' ');
  const systemuser = [
    {
      systemuserid: me.id,
      firstname: meFirst ?? me.name,
      lastname: meRest.join(' ') || null,
      title: 'Customer Service Agent',
      internalemailaddress: me.email,
      domainname: me.email,
      address1_telephone1: '+1 425 555 0190',
    },
    ...users.slice(1).map(([first, last, title, phone], i) => ({
      systemuserid: userId(i + 2),
      firstname: first,
      lastname: last,
      title,
      internalemailaddress: `${first.toLowerCase()}.${last.toLowerCase()}@contoso.example`,
      domainname: `${first.toLowerCase()}.${last.toLowerCase()}@contoso.example`,
      address1_telephone1: phone,
    })),
  ];
  const phonecall = [
    [1, 'Follow-up on damaged shipment', '619-555-0129', false, 12],
    [7, 'VAT correction call', '+44 20 7946 0958', true, 5],
    [29, 'Rebooking request', '090-5550-1234', false, 9],
  ].map(([cont, subject, number, outgoing, minutes], i) => ({
    activityid: phonecallId(i + 1),
    subject,
    phonenumber: number,
    directioncode: outgoing,
    actualdurationminutes: minutes,
    'regardingobjectid_contact@odata.bind': `/contacts(${contactId(cont as number)})`,
    phonecall_activity_parties: [
      { 'partyid_systemuser@odata.bind': `/systemusers(${me.id})`, participationtypemask: outgoing ? 1 : 2 },
      { 'partyid_contact@odata.bind': `/contacts(${contactId(cont as number)})`, participationtypemask: outgoing ? 2 : 1 },
    ],
  }));
  const knowledgearticle = [
    ['Reset a customer portal password', 'password, portal, login'],
    ['Shipping damage claims: what to collect', 'shipping, damage, claim'],
    ['VAT numbers on invoices (EU)', 'invoice, vat, tax'],
    ['Changing a flight booking', 'flight, booking, change'],
  ].map(([title, keywords], i) => ({
    knowledgearticleid: articleId(i + 1),
    title,
    keywords,
    articlepublicnumber: `KA-0${1001 + i}`,
    description: `How to handle: ${title?.toLowerCase()}.`,
    content: `<p>${title}</p>`,
  }));
  return { systemuser, account, contact, lead, incident, phonecall, knowledgearticle };
}
