-- Money engine data (issue 10).
-- 1. reference_number for engine-created transactions: a sequence above every seeded number
--    (the seed draws 8-digit numbers from 10,000,000 up).
CREATE SEQUENCE IF NOT EXISTS transaction_reference_number_seq START WITH 50000001;
--> statement-breakpoint
-- 2. The fee schedule and per-transaction limits (lib/engine/fees.ts reads them). Percentages in
--    basis points; flat, min, max and limit in minor units. Fees are rounded per currency after the
--    clamp (whole units for KES, UGX, TZS and similar).
INSERT INTO fee_schedules (currency, direction, channel, percent_bps, flat, min_fee, max_fee, max_amount) VALUES
('KES','collection','MOBILE_MONEY',150,0,1000,100000,25000000),
('KES','payout','MOBILE_MONEY',100,1500,1500,30000,25000000),
('KES','payout','BANK',0,10000,NULL,NULL,100000000),
('KES','payout','LIPA_NA_MPESA',100,0,1000,20000,25000000),
('KES','payout','PAYBILL',100,0,1000,20000,25000000),
('UGX','collection','MOBILE_MONEY',250,0,500,30000,5000000),
('UGX','payout','MOBILE_MONEY',150,500,500,10000,5000000),
('UGX','payout','BANK',0,3000,NULL,NULL,20000000),
('TZS','collection','MOBILE_MONEY',250,0,50000,3000000,500000000),
('TZS','payout','MOBILE_MONEY',150,50000,50000,1000000,500000000),
('TZS','payout','BANK',0,300000,NULL,NULL,2000000000),
('GHS','collection','MOBILE_MONEY',150,0,100,10000,1000000),
('GHS','payout','MOBILE_MONEY',100,50,100,3000,1000000),
('GHS','payout','BANK',0,500,NULL,NULL,5000000),
('NGN','collection','MOBILE_MONEY',150,0,5000,200000,100000000),
('NGN','payout','MOBILE_MONEY',100,5000,5000,150000,100000000),
('NGN','payout','BANK',0,5000,NULL,NULL,500000000),
('ZAR','collection','MOBILE_MONEY',200,0,200,15000,2500000),
('ZAR','payout','MOBILE_MONEY',100,200,500,5000,2500000),
('ZAR','payout','BANK',0,1000,NULL,NULL,25000000),
('XOF','collection','MOBILE_MONEY',200,0,100,10000,2000000),
('XOF','payout','MOBILE_MONEY',150,100,100,5000,2000000),
('XOF','payout','BANK',0,500,NULL,NULL,10000000),
('XAF','collection','MOBILE_MONEY',200,0,100,10000,2000000),
('XAF','payout','MOBILE_MONEY',150,100,100,5000,2000000),
('XAF','payout','BANK',0,500,NULL,NULL,10000000),
('ZMW','collection','MOBILE_MONEY',200,0,100,20000,2000000),
('ZMW','payout','MOBILE_MONEY',150,100,200,10000,2000000),
('ZMW','payout','BANK',0,1000,NULL,NULL,10000000),
('RWF','collection','MOBILE_MONEY',200,0,100,10000,2000000),
('RWF','payout','MOBILE_MONEY',150,100,100,5000,2000000),
('RWF','payout','BANK',0,500,NULL,NULL,10000000),
('CDF','collection','MOBILE_MONEY',250,0,10000,2000000,500000000),
('CDF','payout','MOBILE_MONEY',150,10000,20000,1000000,500000000),
('CDF','payout','BANK',0,100000,NULL,NULL,2000000000),
('MWK','collection','MOBILE_MONEY',250,0,10000,2000000,200000000),
('MWK','payout','MOBILE_MONEY',150,10000,20000,1000000,200000000),
('MWK','payout','BANK',0,100000,NULL,NULL,1000000000),
('ETB','collection','MOBILE_MONEY',200,0,500,50000,10000000),
('ETB','payout','MOBILE_MONEY',150,500,1000,30000,10000000),
('ETB','payout','BANK',0,2500,NULL,NULL,50000000),
('EGP','collection','MOBILE_MONEY',200,0,500,50000,10000000),
('EGP','payout','MOBILE_MONEY',150,500,1000,30000,10000000),
('EGP','payout','BANK',0,2500,NULL,NULL,50000000),
('USD','collection','MOBILE_MONEY',250,0,10,2000,250000),
('USD','payout','MOBILE_MONEY',150,25,50,1500,250000),
('USD','payout','BANK',0,200,NULL,NULL,2500000)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- 3. New permissions for the built-in roles that move money: create collections, approve payouts,
--    act on offramps (Owner, Admin, Finance). Custom roles are left to their owners.
UPDATE roles
   SET permissions = ARRAY(SELECT DISTINCT p FROM unnest(permissions || ARRAY['collections.create', 'payouts.approve', 'offramp.manage']) AS p ORDER BY p),
       updated_at = now()
 WHERE is_builtin AND name IN ('Owner', 'Admin', 'Finance');
