import { type FormEvent, useId, useMemo, useState } from 'react';
import type { Level } from '../../../src/catalog/catalog-types.js';
import { everyRole } from '../../../src/catalog/every-requirement.js';
import { findLevel } from '../../../src/catalog/find-level.js';
import { measureAmount, measurePair } from '../../../src/kinds/presented.js';
import { CREDENTIAL_WORDS } from '../../../src/render/credential-words.js';
import type { Formatter } from '../../../src/render/formatter.js';
import { requirementAt } from '../../../src/render/formatter.js';
import { type PlanMessages, planWords } from '../../../src/render/plan-messages.js';
import { planScores } from '../../../src/render/render-plan.js';
import type { Plan } from '../api/types.js';
import { ErrorView, Loading } from '../components/loadable.js';
import { orgApi, useEvaluation, useFormatter, useOrganization } from '../lib/org-data.js';
import {
  excludablePeople,
  measureBlockers,
  type PlannedSeat,
  planPathNames,
  planRole,
  planRows,
  seatedWithoutExams,
} from '../lib/plan-model.js';
import { useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';

interface PlanOptions {
  readonly target: string;
  readonly maxExamsPerPerson: string;
  readonly noHire: boolean;
}

/** The cheapest plan to a chosen level, grouped by person, with a what-if that excludes people. */
export function PlanPage(props: { readonly org: string }) {
  const { t, asOf, catalog } = useSession();
  useTitle(t.planTitle);
  const evaluation = useEvaluation(props.org);
  const document = useOrganization(props.org);
  const f = useFormatter(document.status === 'ok' ? document.data : undefined);
  const targets = useMemo(
    () =>
      evaluation.status === 'ok'
        ? evaluation.data.results.map((r) => {
            const found = findLevel(catalog, r, r.catalogVersion);
            return {
              id: `${r.competency}/${r.option}/${r.level}`,
              attained: r.attained,
              name: found ? [found.competency.name, found.option.name, found.level.name] : null,
            };
          })
        : [],
    [evaluation, catalog],
  );
  const [applied, setApplied] = useState<PlanOptions | null>(null);
  const [exclude, setExclude] = useState<readonly string[]>([]);
  const defaultTarget = targets.find((x) => !x.attained)?.id ?? targets[0]?.id ?? '';
  const options = applied ?? { target: defaultTarget, maxExamsPerPerson: '', noHire: false };

  if (evaluation.status === 'error') return <ErrorView error={evaluation.error} />;
  if (evaluation.status === 'loading' || document.status === 'loading') return <Loading />;
  return (
    <section aria-labelledby="plan-title" data-testid="plan">
      <h2 id="plan-title">{t.planTitle}</h2>
      <PlanForm
        key={options.target}
        initial={options}
        targets={targets.map((x) => ({ id: x.id, label: x.name ? x.name.map((n) => f.text(n)).join(' · ') : x.id }))}
        onSubmit={(next) => {
          setApplied(next);
          setExclude([]);
        }}
      />
      {options.target && (
        <PlanResult org={props.org} asOf={asOf} options={options} exclude={exclude} setExclude={setExclude} f={f} />
      )}
    </section>
  );
}

function PlanForm(props: {
  readonly initial: PlanOptions;
  readonly targets: readonly { id: string; label: string }[];
  readonly onSubmit: (options: PlanOptions) => void;
}) {
  const { t } = useSession();
  const id = useId();
  const [draft, setDraft] = useState(props.initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(draft);
  };
  return (
    <form className="plan-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-target`}>{t.target}</label>
        <select
          id={`${id}-target`}
          data-testid="plan-target"
          value={draft.target}
          onChange={(e) => setDraft({ ...draft, target: e.target.value })}
        >
          {props.targets.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-max`}>{t.maxExams}</label>
        <input
          id={`${id}-max`}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          placeholder={t.noLimit}
          value={draft.maxExamsPerPerson}
          onChange={(e) => setDraft({ ...draft, maxExamsPerPerson: e.target.value })}
        />
      </div>
      <div className="field field-check">
        <input
          id={`${id}-nohire`}
          type="checkbox"
          checked={draft.noHire}
          onChange={(e) => setDraft({ ...draft, noHire: e.target.checked })}
        />
        <label htmlFor={`${id}-nohire`}>{t.noHire}</label>
      </div>
      <button type="submit" className="primary">
        {t.makePlan}
      </button>
    </form>
  );
}

function PlanResult(props: {
  readonly org: string;
  readonly asOf: string;
  readonly options: PlanOptions;
  readonly exclude: readonly string[];
  readonly setExclude: (ids: readonly string[]) => void;
  readonly f: Formatter;
}) {
  const { t, locale, catalog } = useSession();
  const { options, exclude, f } = props;
  const query = {
    target: options.target,
    asOf: props.asOf,
    maxExamsPerPerson: options.maxExamsPerPerson,
    noHire: options.noHire ? 'true' : undefined,
  };
  const plan = useResource<Plan>(orgApi(props.org, '/plan'), { ...query, exclude });
  // With people excluded, the plan without exclusions is the baseline the what-if is compared with.
  const baseline = useResource<Plan>(exclude.length > 0 ? orgApi(props.org, '/plan') : null, query);
  const pm = planWords(plan.status === 'ok' ? plan.data : { steps: [] }, catalog, locale);

  if (plan.status === 'error') return <ErrorView error={plan.error} />;
  if (plan.status === 'loading') return <Loading />;
  const p = plan.data;
  const [competency = '', option = '', levelId = ''] = p.target.split('/');
  const level = findLevel(catalog, { competency, option, level: levelId }, p.catalogVersion)?.level;
  const pathText = planPathNames(p.path, level)
    .map((n) => f.text(n))
    .join(', ');
  const roleName = (requirement: string, pool: string, role: string) => {
    const definition = planRole(level, requirement, pool, role);
    return definition ? f.text(definition.name) : role;
  };
  const toggle = (person: string) =>
    props.setExclude(exclude.includes(person) ? exclude.filter((x) => x !== person) : [...exclude, person]);
  const rows = planRows(p);
  const blockers = measureBlockers(p);
  const seated = seatedWithoutExams(p);
  const candidates = new Set(excludablePeople(p));

  return (
    <div className="plan-result" data-testid="plan-result" aria-live="polite">
      {/* What no exam can fix comes first: the plan below does not reach the level until it is made up. */}
      {blockers.length > 0 && (
        <PlanRevenue plan={p} rows={blockers} level={level} f={f} pm={pm} title={pm.blockerTitle} blocker />
      )}
      {p.feasible ? (
        <>
          <p className="plan-reason">{pm.reason(p.reason.code, { ...p.reason.params, pathName: pathText })}</p>
          <p className="plan-cost" data-testid="plan-cost">
            <strong>{pm.cost(p.cost.newPeople, p.cost.exams)}</strong>
          </p>
          {pathText && <p>{t.planPath(pathText)}</p>}
        </>
      ) : (
        <p className="notice notice-error" data-testid="plan-infeasible">
          {pm.infeasible}
        </p>
      )}
      {exclude.length > 0 && baseline.status === 'ok' && baseline.data.feasible && (
        <p className="plan-compare" data-testid="plan-compare">
          {t.comparedWith(f.number(baseline.data.cost.newPeople), f.number(baseline.data.cost.exams))}
        </p>
      )}
      <Alternatives plan={p} level={level} f={f} pm={pm} />
      {planScores(p, level, f).map((score) => (
        <section key={score.requirement} className="plan-points" data-testid="plan-points">
          <p>
            <strong>{score.head}</strong>
          </p>
          {score.moves.length > 0 && (
            <>
              <p>{score.title}</p>
              <ul>
                {score.moves.map((move) => (
                  <li key={move}>{move}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}

      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="plan-table">
            <caption>{t.planByPerson}</caption>
            <thead>
              <tr>
                <th scope="col">{t.person}</th>
                <th scope="col">{t.planExams}</th>
                <th scope="col">{t.planSeat}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.whatIfTitle}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const seats: readonly PlannedSeat[] = row.kind === 'person' ? row.person.seats : row.seats;
                const key = row.kind === 'person' ? row.person.person : row.people.join(' ');
                const who =
                  row.kind === 'person'
                    ? f.person(row.person.person)
                    : row.people.length === 1
                      ? pm.newPerson(row.people[0] as string)
                      : pm.newHires(row.people.length);
                return (
                  <tr key={key} data-testid={row.kind === 'new-hires' ? 'plan-new-hires' : undefined}>
                    <th scope="row" className="plan-who">
                      {who}
                    </th>
                    <td>
                      <ul className="plain">
                        {seats.flatMap((seat) =>
                          seat.exams.map((exam) => (
                            <li key={`${seat.role}/${exam}`}>
                              <ExamName code={exam} f={f} />
                            </li>
                          )),
                        )}
                      </ul>
                    </td>
                    <td>{seats.map((seat) => roleName(seat.requirement, seat.pool, seat.role)).join('; ')}</td>
                    <td className="plan-action">
                      {row.kind === 'person' && candidates.has(row.person.person) && (
                        <ExcludeButton name={f.person(row.person.person)} onClick={() => toggle(row.person.person)} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {seated.length > 0 && (
        <div className="table-scroll">
          <table className="plan-table">
            <caption>{t.alreadyQualified}</caption>
            <thead>
              <tr>
                <th scope="col">{t.person}</th>
                <th scope="col">{t.planSeat}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.whatIfTitle}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {seated.map(({ person, seats }) => (
                <tr key={person}>
                  <th scope="row" className="plan-who">
                    {f.person(person)}
                  </th>
                  <td>{seats.map((seat) => roleName(seat.requirement, seat.pool, seat.role)).join('; ')}</td>
                  <td className="plan-action">
                    <ExcludeButton name={f.person(person)} onClick={() => toggle(person)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section className="what-if" aria-labelledby="what-if-title">
        <h3 id="what-if-title">{t.whatIfTitle}</h3>
        <p>{t.whatIfHelp}</p>
        {exclude.length === 0 ? (
          <p>{t.nobodyExcluded}</p>
        ) : (
          <ul className="chips" aria-label={t.excluded}>
            {exclude.map((person) => (
              <li key={person}>
                <button type="button" className="chip" onClick={() => toggle(person)}>
                  {t.includeAgain(f.person(person))}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {p.measures.length > blockers.length && (
        <PlanRevenue
          plan={p}
          rows={p.measures.filter((r) => !blockers.includes(r))}
          level={level}
          f={f}
          pm={pm}
          title={pm.revenueTitle}
        />
      )}
    </div>
  );
}

/** "Exclude 박지우": the words may go to two lines, a name never breaks inside itself (see .exclude-button). */
function ExcludeButton(props: { readonly name: string; readonly onClick: () => void }) {
  const { t } = useSession();
  return (
    <button type="button" className="small exclude-button" onClick={props.onClick}>
      {t.exclude(props.name)}
    </button>
  );
}

function ExamName(props: { readonly code: string; readonly f: Formatter }) {
  const { locale } = useSession();
  const exam = props.f.catalog?.findExam(props.code);
  return (
    <>
      {/* An assessment or a certification is named as such; an exam by its code, as always. */}
      <span className="exam-code">{CREDENTIAL_WORDS[locale].named(exam?.type, exam?.code ?? props.code)}</span>
      {exam && <span className="exam-title"> {props.f.text(exam.title)}</span>}
    </>
  );
}

function Alternatives(props: {
  readonly plan: Plan;
  readonly level: Level | undefined;
  readonly f: Formatter;
  readonly pm: PlanMessages;
}) {
  const { t } = useSession();
  const { plan, level, f, pm } = props;
  const others = plan.feasible ? plan.alternatives.filter((a) => a.path !== plan.path) : plan.alternatives;
  if (others.length === 0) return null;
  const roleNames = everyRole(level?.requirements ?? []);
  return (
    <div className="alternatives">
      <h3>{t.alternatives}</h3>
      <ul>
        {others.map((alt) => {
          const name =
            planPathNames(alt.path, level)
              .map((n) => f.text(n))
              .join(', ') || pm.thisLevel;
          const params = alt.blocked?.params ?? {};
          const roles = Array.isArray(params.roles)
            ? params.roles.map((id: string) => {
                const role = roleNames.find((r) => r.id === id);
                return role ? f.text(role.name) : id;
              })
            : params.roles;
          const what = alt.feasible
            ? pm.cost(alt.newPeople ?? 0, alt.exams ?? 0)
            : pm.blocked(alt.blocked?.code ?? '', { ...params, roles });
          return <li key={alt.path ?? ''}>{plan.feasible ? `${pm.alternative(name)}: ${what}` : `${name}: ${what}`}</li>;
        })}
      </ul>
    </div>
  );
}

function PlanRevenue(props: {
  readonly plan: Plan;
  readonly rows: Plan['measures'];
  readonly level: Level | undefined;
  readonly f: Formatter;
  readonly pm: PlanMessages;
  readonly title: string;
  readonly blocker?: boolean;
}) {
  const { t } = useSession();
  const { level, f, pm } = props;
  return (
    <div
      className={props.blocker ? 'table-scroll plan-revenue plan-blocker' : 'table-scroll plan-revenue'}
      data-testid={props.blocker ? 'plan-blocker' : 'plan-revenue'}
    >
      <table>
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.revenueHeading}</th>
            <th scope="col">{t.amount}</th>
            <th scope="col">{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const definition = level ? requirementAt(level, r.requirement) : undefined;
            const status =
              r.required === null
                ? pm.noThreshold
                : r.shortfall === '0' || r.shortfall === null
                  ? pm.revenueMet
                  : pm.revenueShort(measureAmount(r.shortfall, r.unit, f));
            return (
              <tr key={r.requirement}>
                <th scope="row">{definition ? f.text(definition.name) : r.requirement}</th>
                <td className="num">
                  {r.required === null
                    ? measureAmount(r.counted, r.unit, f)
                    : measurePair(r.counted, r.required, r.unit, f, (c, q) => `${c} / ${q}`)}
                </td>
                <td>{status}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
