import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Form, { type FormInstance } from 'antd/es/form';
import Input from 'antd/es/input';
import { useTranslation } from 'react-i18next';
import { WORKING_SESSION_LIMITS } from '../../../common/working-sessions';

export type MemberValues = { name?: string; position?: string; isHead?: boolean };

/**
 * The delegation (đoàn công tác): one row per member, name and position, and at most one head
 * (trưởng đoàn): ticking a head unticks the one before, as the server allows only one.
 */
export function WorkingSessionMembers({ form }: { form: FormInstance<{ members?: MemberValues[] }> }) {
  const { t } = useTranslation();
  const onHead = (index: number, checked: boolean) => {
    if (!checked) return;
    const members = (form.getFieldValue('members') as MemberValues[] | undefined) ?? [];
    form.setFieldValue(
      'members',
      members.map((m, i) => ({ ...m, isHead: i === index })),
    );
  };
  return (
    <Form.List
      name="members"
      rules={[
        {
          validator: async (_, members: MemberValues[] | undefined) => {
            if (!members?.length) throw new Error(t('workingSessions.form.membersRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <fieldset data-testid="working-session-members" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8, border: 0 }}>{t('workingSessions.fields.delegation')}</legend>
          {fields.map((field, index) => (
            <div key={field.key} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-start', marginBottom: 4 }} data-testid="working-session-member">
              <Form.Item
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('workingSessions.form.memberNameRequired') }]}
                style={{ flex: '1 1 200px', marginBottom: 8 }}
              >
                <Input placeholder={t('workingSessions.fields.memberName')} aria-label={t('workingSessions.fields.memberName')} maxLength={WORKING_SESSION_LIMITS.memberName} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'position']}
                rules={[{ required: true, whitespace: true, message: t('workingSessions.form.memberPositionRequired') }]}
                style={{ flex: '2 1 260px', marginBottom: 8 }}
              >
                <Input placeholder={t('workingSessions.fields.memberPosition')} aria-label={t('workingSessions.fields.memberPosition')} maxLength={WORKING_SESSION_LIMITS.memberPosition} />
              </Form.Item>
              <Form.Item name={[field.name, 'isHead']} valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox onChange={(e) => onHead(index, e.target.checked)} data-testid="member-head">
                  {t('workingSessions.fields.head')}
                </Checkbox>
              </Form.Item>
              <Button onClick={() => remove(field.name)} disabled={fields.length === 1} aria-label={t('workingSessions.form.removeMember')}>
                {t('workingSessions.form.remove')}
              </Button>
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Button onClick={() => add({ name: '', position: '', isHead: false })} disabled={fields.length >= WORKING_SESSION_LIMITS.members} data-testid="member-add">
            {t('workingSessions.form.addMember')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
