import Button from 'antd/es/button';
import Form from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../units/unit-picker';

/** Implementers per entry (common/entries.ts EntryInput: at most 100, units and people together). */
const MAX_UNITS = 100;

/**
 * The units that implement an entry (each sent as `{ unitId }` among the implementers), one unit
 * picker per row. `initialNames` labels the units an edited entry already has.
 */
export function ImplementerUnits({ initialNames }: { initialNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  return (
    <Form.List name="implementerUnits">
      {(rows, { add, remove }) => (
        <Form.Item label={t('entries.implementerUnits')} extra={t('entries.implementerUnitsHelp')}>
          {rows.map((row, index) => (
            <div key={row.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
              <Form.Item name={[row.name, 'unitId']} noStyle rules={[{ required: true, message: t('entries.implementerUnitRequired') }]}>
                <PickerWithLabel initialNames={initialNames} aria-label={t('entries.implementerUnitN', { n: index + 1 })} />
              </Form.Item>
              <Button onClick={() => remove(row.name)} aria-label={t('entries.removeImplementerUnit', { n: index + 1 })}>
                {t('entries.remove')}
              </Button>
            </div>
          ))}
          {rows.length < MAX_UNITS && (
            <Button type="dashed" onClick={() => add({})} data-testid="add-implementer-unit">
              {t('entries.addImplementerUnit')}
            </Button>
          )}
        </Form.Item>
      )}
    </Form.List>
  );
}

type PickerProps = { value?: string; onChange?: (unitId: string | undefined) => void; initialNames: ReadonlyMap<string, string>; id?: string; 'aria-label'?: string };

/** The unit picker, labelled with the unit's name while it still holds the entry's saved unit. */
function PickerWithLabel({ initialNames, ...props }: PickerProps) {
  return <UnitPicker {...props} includeRetired initialLabel={props.value ? initialNames.get(props.value) : undefined} />;
}
