import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Dataverse } from './Dataverse.js';
import { DataverseError } from './errors.js';
import { parseFilter, parseQueryOptions } from './odata.js';
import { schemas } from './schema.js';
import { accountId, contactId, defaultSeed } from './seed.js';

const dv = new Dataverse({ seed: () => defaultSeed() });
const names = (query: string, entity = 'contact') =>
  dv.query(entity, query).map((r) => (entity === 'account' ? r.name : r.fullname));
const contact = schemas.contact!;

function odataError(query: string, pattern: RegExp, entity = 'contact'): void {
  try {
    dv.query(entity, query);
  } catch (error) {
    expect(error, query).to.be.instanceOf(DataverseError);
    expect((error as Error).message, query).to.match(pattern);
    return;
  }
  throw new Error(`expected an error for ${query}`);
}

describe('OData $filter', () => {
  it('eq and ne, case and accent insensitive like Dataverse', () => {
    expect(names("$filter=lastname eq 'garcia'")).to.deep.equal(['Maria García', 'Maria García']);
    expect(names("$filter=fullname eq 'ALEX BAKER'")).to.deep.equal(['Alex Baker']);
    const all = dv.count('contact');
    expect(names("$filter=lastname ne 'García'")).to.have.length(all - 2);
  });

  it('eq null and ne null', () => {
    const withoutBusiness = names('$filter=telephone1 eq null');
    expect(withoutBusiness).to.include('Léa Martin');
    expect(withoutBusiness.length + names('$filter=telephone1 ne null').length).to.equal(
      dv.count('contact'),
    );
  });

  it('contains, startswith and endswith match raw text (no phone normalisation, as in Dataverse)', () => {
    expect(names("$filter=contains(mobilephone,'555-0129')")).to.deep.equal(['Alex Baker']);
    expect(names("$filter=contains(mobilephone,'5550129')")).to.deep.equal([]);
    expect(names("$filter=startswith(telephone1,'+44')")).to.have.members([
      'Amelia Hughes',
      'Siobhán Ní Bhriain',
    ]);
    expect(names("$filter=endswith(emailaddress1,'@litware.example')")).to.have.members([
      'Camille Dubois',
      'Théo Lefèvre',
    ]);
    expect(names("$filter=startswith(firstname,'jü')")).to.deep.equal(['Jürgen Müller']);
  });

  it('and, or, not and parentheses with the usual precedence', () => {
    expect(names("$filter=lastname eq 'Johnson' and firstname eq 'Olivia'")).to.deep.equal([
      'Olivia Johnson',
    ]);
    expect(names("$filter=firstname eq 'Olivia' or firstname eq 'Oliver'")).to.have.members([
      'Olivia Johnson',
      'Oliver Thompson',
    ]);
    // and binds tighter than or
    expect(
      names("$filter=firstname eq 'Oliver' or lastname eq 'Johnson' and firstname eq 'Olivia'"),
    ).to.have.members(['Oliver Thompson', 'Olivia Johnson']);
    expect(
      names("$filter=(firstname eq 'Oliver' or lastname eq 'Johnson') and firstname eq 'Olivia'"),
    ).to.deep.equal(['Olivia Johnson']);
    expect(
      names("$filter=not contains(fullname,'a') and address1_country eq 'Japan'"),
    ).to.deep.equal(['さくら 田中']);
    expect(
      names("$filter=address1_country eq 'Japan' and not (firstname eq 'Yuki')"),
    ).to.have.length(2);
  });

  it('gt, ge, lt and le on numbers, and comparisons on lookups and booleans', () => {
    expect(names('$filter=numberofemployees gt 8000', 'account')).to.have.members([
      'Blue Yonder Airlines',
      'Woodgrove Bank',
    ]);
    expect(names('$filter=numberofemployees ge 8800', 'account')).to.have.members([
      'Blue Yonder Airlines',
      'Woodgrove Bank',
    ]);
    expect(names('$filter=numberofemployees lt 50', 'account')).to.deep.equal(['Coho Winery']);
    expect(names('$filter=numberofemployees le 45', 'account')).to.deep.equal(['Coho Winery']);
    expect(names(`$filter=_parentcustomerid_value eq ${accountId(4)}`)).to.have.members([
      'Charlotte Nguyen',
      "Jack O'Connor",
    ]);
    expect(dv.query('phonecall', '$filter=directioncode eq true')).to.have.length(1);
    expect(
      names('$filter=createdon ge 2000-01-01T00:00:00Z and createdon lt 2999-01-01'),
    ).to.have.length(dv.count('contact'));
  });

  it("escapes quotes by doubling them (O''Connor)", () => {
    expect(names("$filter=lastname eq 'O''Connor'")).to.deep.equal(["Jack O'Connor"]);
  });

  it('rejects unsupported or malformed syntax with Dataverse errors', () => {
    odataError("$filter=substringof('a',fullname)", /unknown function with name 'substringof'/);
    odataError(
      "$filter=Microsoft.Dynamics.CRM.In(PropertyName='x',PropertyValues=['a'])",
      /unknown function/,
    );
    odataError(
      "$filter=nickname eq 'x'",
      /Could not find a property named 'nickname' on type 'Microsoft.Dynamics.CRM.contact'/,
    );
    odataError(
      "$filter=parentcustomerid eq 'x'",
      /Could not find a property named 'parentcustomerid'/,
    );
    odataError("$filter=firstname eq 'x", /unterminated string literal/);
    odataError('$filter=firstname eq', /Syntax error at position/);
    odataError("$filter=firstname 'x'", /Syntax error/);
    odataError("$filter=(firstname eq 'x'", /Syntax error/);
    odataError("$filter=firstname eq 'x')", /Syntax error/);
    odataError(
      '$filter=firstname eq 5',
      /incompatible types.*'Edm.String' and 'Edm.Int32'.*'Equal'/,
    );
    odataError(
      "$filter=contains(numberofemployees,'5')",
      /No function signature for the function with name 'contains'/,
      'account',
    );
    odataError(
      "$filter=parentcustomerid_account/name eq 'x'",
      /Navigation paths .* are not supported/,
    );
    odataError(
      '$filter=phonecall_activity_parties/any(p: p/participationtypemask eq 1)',
      /Syntax error|not supported/,
      'phonecall',
    );
    odataError("$filter=firstname eq 'a' has 'b'", /'has' operator is not supported|Syntax error/);
    odataError('$filter=', /must not be empty/);
    odataError('$filter=firstname gt null', /cannot compare/);
    odataError('$filter=$$$', /Syntax error/);
    odataError('$apply=groupby((firstname))', /query parameter '\$apply' is not supported/);
    odataError('$top=abc', /non-negative integer/);
    odataError('$top=5001', /limit of '5000'/);
    odataError('$select=fullname,,x', /Syntax error in \$select/);
    odataError('$select=nickname', /Could not find a property named 'nickname'/);
    odataError('$orderby=fullname sideways', /Syntax error in \$orderby/);
    odataError('$select=fullname&$select=firstname', /specified more than once/);
    odataError('$filter=%E0%A4%A', /not a valid URI component/);
    odataError(`$filter=${'('.repeat(100)}firstname eq 'x'${')'.repeat(100)}`, /nested too deeply/);
    odataError('$expand=nothing', /Could not find a property named 'nothing'/);
    odataError(
      "$expand=parentcustomerid_account($filter=name eq 'x')",
      /nested query option '\$filter'/,
    );
  });

  it('never throws anything but a DataverseError, whatever the $filter text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .array(
              fc.constantFrom(
                '(',
                ')',
                "'",
                'eq',
                'and',
                'or',
                'not',
                'contains(',
                ',',
                'firstname',
                '12',
                'null',
                ' ',
              ),
              { maxLength: 20 },
            )
            .map((t) => t.join(' ')),
        ),
        (text) => {
          try {
            parseFilter(text, contact);
          } catch (error) {
            expect(error).to.be.instanceOf(DataverseError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('OData $select, $top, $orderby, $search', () => {
  it('selects columns plus the primary id and etag', () => {
    const [row] = dv.query('contact', `?$select=firstname&$filter=contactid eq ${contactId(1)}`);
    expect(Object.keys(row ?? {}).sort()).to.deep.equal(['@odata.etag', 'contactid', 'firstname']);
  });

  it('orders ascending and descending on several keys and limits with $top', () => {
    const asc = names('$select=name&$orderby=numberofemployees asc&$top=3', 'account');
    expect(asc).to.deep.equal(['Coho Winery', 'Alpine Ski House', 'Lucerne Publishing']);
    const desc = names('$orderby=numberofemployees desc&$top=1', 'account');
    expect(desc).to.deep.equal(['Woodgrove Bank']);
    const multi = dv.query(
      'contact',
      "$select=firstname,lastname&$filter=lastname eq 'García' or lastname eq 'Smith'&$orderby=lastname desc,firstname",
    );
    expect(multi.map((r) => r.lastname)).to.deep.equal(['Smith', 'Smith', 'García', 'García']);
    expect(dv.query('contact', '$top=0')).to.deep.equal([]);
  });

  it('searches words with $search and combines with $filter', () => {
    expect(names('$search=Priya')).to.deep.equal(['Priya Sharma']);
    expect(names("$search=maria&$filter=address1_country eq 'Germany'")).to.deep.equal([
      'Maria García',
    ]);
  });

  it('decodes URI-encoded values and ignores custom parameters', () => {
    const options = parseQueryOptions(
      "?$filter=telephone1%20eq%20'%2B44%2020%207946%200958'&foo=bar",
      contact,
    );
    expect(options.filter).to.not.equal(undefined);
    expect(names("$filter=telephone1%20eq%20'%2B44%2020%207946%200958'")).to.deep.equal([
      'Amelia Hughes',
    ]);
  });
});
