// The workshop's details as a form, used to create a workshop and to edit one.
// Values are checked with the same schema the backend uses, field by field.
import { useId, useState, type FormEvent } from 'react';
import { newId } from '../../../src-shared/domain/ids';
import { WorkshopMetaSchema, type WorkshopMeta } from '../../../src-shared/domain/workshop';

interface WorkshopFormProps {
  initial: WorkshopMeta;
  submitLabel: string;
  busy?: boolean;
  onSubmit: (meta: WorkshopMeta) => void;
  onCancel: () => void;
  showParticipants?: boolean;
  children?: React.ReactNode;
}

type Errors = Partial<Record<string, string>>;

function TextInput(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  multiline?: boolean;
  type?: string;
  required?: boolean;
  autoFocus?: boolean;
  maxLength?: number;
  name: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const common = {
    id,
    name: props.name,
    value: props.value,
    required: props.required,
    autoFocus: props.autoFocus,
    maxLength: props.maxLength ?? 200,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? errorId : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type={props.type ?? 'text'} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.error && (
        <p className="field-error" id={errorId} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function WorkshopForm({ initial, submitLabel, busy, onSubmit, onCancel, showParticipants, children }: WorkshopFormProps) {
  const [meta, setMeta] = useState<WorkshopMeta>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const set = <K extends keyof WorkshopMeta>(key: K, value: WorkshopMeta[K]) => setMeta((m) => ({ ...m, [key]: value }));
  const setScope = (key: keyof WorkshopMeta['scope'], value: string) => setMeta((m) => ({ ...m, scope: { ...m.scope, [key]: value } }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = WorkshopMetaSchema.safeParse(meta);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[issue.path.map(String).join('.')] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    onSubmit(parsed.data);
  };

  return (
    <form className="workshop-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <TextInput name="title" label="Title" required autoFocus value={meta.title} onChange={(v) => set('title', v)} error={errors.title} />
        <TextInput name="organisation" label="Organisation (client)" value={meta.organisation} onChange={(v) => set('organisation', v)} error={errors.organisation} />
        <TextInput name="team" label="Team" value={meta.team} onChange={(v) => set('team', v)} />
        <TextInput name="date" label="Date" type="date" value={meta.date} onChange={(v) => set('date', v)} error={errors.date} />
        <TextInput name="facilitator" label="Facilitator" value={meta.facilitator} onChange={(v) => set('facilitator', v)} />
        <TextInput name="segment" label="Scope: customer segment" value={meta.scope.segment} onChange={(v) => setScope('segment', v)} maxLength={500} />
        <TextInput name="offering" label="Scope: offering" value={meta.scope.offering} onChange={(v) => setScope('offering', v)} maxLength={500} />
        <TextInput name="idealCustomer" label="Scope: ideal customer" value={meta.scope.idealCustomer} onChange={(v) => setScope('idealCustomer', v)} maxLength={1000} />
      </div>
      <TextInput name="objective" label="Objective" multiline value={meta.objective} onChange={(v) => set('objective', v)} maxLength={4000} />
      {showParticipants && (
        <fieldset className="participants">
          <legend>Participants</legend>
          {meta.participants.map((p, i) => (
            <div className="participant-row" key={p.id}>
              <input
                aria-label={`Participant ${i + 1} name`}
                placeholder="Name"
                value={p.name}
                maxLength={200}
                onChange={(e) => set('participants', meta.participants.map((q) => (q.id === p.id ? { ...q, name: e.target.value } : q)))}
              />
              <input
                aria-label={`Participant ${i + 1} role`}
                placeholder="Role (e.g. Account executive)"
                value={p.role}
                maxLength={200}
                onChange={(e) => set('participants', meta.participants.map((q) => (q.id === p.id ? { ...q, role: e.target.value } : q)))}
              />
              <button type="button" className="btn-icon btn-icon-danger" aria-label={`Remove participant ${i + 1}`} onClick={() => set('participants', meta.participants.filter((q) => q.id !== p.id))}>
                ✕
              </button>
              {errors[`participants.${i}.name`] && <p className="field-error">{errors[`participants.${i}.name`]}</p>}
            </div>
          ))}
          <button type="button" className="btn btn-add" onClick={() => set('participants', [...meta.participants, { id: newId(), name: '', role: '' }])}>
            + Add participant
          </button>
        </fieldset>
      )}
      {children}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
